/**
 * Workers for the playground page's tests (jsdom has no Worker): InProcessWorker runs the worker's own
 * handler (read-worker-handler.ts) in this thread, answering asynchronously as a worker does; ScriptedWorker
 * answers only what the test tells it to, to see the page mid-read (progress, 「取消」). Both record
 * terminate(), which is how the page cancels.
 */
import { handleReadRequest, type ReadReply, type ReadRequest } from '../../src/playground/read-worker-handler';
import { workerReader, type WorkerLike, type WorkbookReader } from '../../src/playground/workbook-reader';

abstract class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  terminated = false;
  requests: ReadRequest[] = [];

  postMessage(request: ReadRequest): void {
    this.requests.push(request);
    this.received(request);
  }

  protected abstract received(request: ReadRequest): void;

  terminate(): void {
    this.terminated = true;
  }

  /** A reply as the worker posts it: none arrives after terminate(). */
  reply(data: ReadReply): void {
    if (!this.terminated) this.onmessage?.({ data });
  }
}

export class InProcessWorker extends FakeWorker {
  protected received(request: ReadRequest): void {
    setTimeout(() => void handleReadRequest(request, (reply) => setTimeout(() => this.reply(reply), 0)), 0);
  }
}

export class ScriptedWorker extends FakeWorker {
  protected received(): void {}

  /** The worker crashed or its script did not load. */
  crash(message: string): void {
    if (!this.terminated) this.onerror?.({ message });
  }
}

/** A reader whose workers are made by `make`, each one kept in `made` for the test to look at. */
export function fakeReader<W extends WorkerLike>(make: () => W): { reader: WorkbookReader; made: W[] } {
  const made: W[] = [];
  return {
    made,
    reader: workerReader(() => {
      const w = make();
      made.push(w);
      return w;
    }),
  };
}

/** The page's reader over the worker's own handler, for tests that only need files read. */
export const inProcessReader = (): WorkbookReader => fakeReader(() => new InProcessWorker()).reader;
