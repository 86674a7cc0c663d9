/**
 * The page's side of reading a workbook in a Web Worker (read-worker.ts): one worker per read, ended when
 * the read ends — its memory (ExcelJS's whole model of the file) goes with it, and 「取消」 is simply
 * terminate(). Nothing reaches the page's workbook until the worker's answer is complete, so a cancelled,
 * failed or crashed read leaves the workbook as it was. The worker is made by a factory so tests drive a
 * fake one (jsdom has no Worker).
 */
import { readErrors, WorkbookReadError } from '../cli/xlsx/read-errors';
import type { ReadReply, ReadRequest } from './read-worker-handler';
import type { ReadBook, ReadProgress } from './xlsx-read';

/** What the page uses of a Worker. */
export interface WorkerLike {
  postMessage(request: ReadRequest): void;
  terminate(): void;
  onmessage: ((event: { data: ReadReply }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror: ((event: unknown) => void) | null;
}

/** The read was cancelled (「取消」): not a failure, and nothing changed. */
export class ReadCancelled extends Error {
  constructor(readonly file: string) {
    super(`reading ${file} was cancelled`);
    this.name = 'ReadCancelled';
  }
}

export interface ReadTask {
  /** The workbook; rejects with WorkbookReadError, or ReadCancelled after cancel(). */
  result: Promise<ReadBook>;
  /** Ends the read now (terminates the worker); does nothing once the read has ended. */
  cancel(): void;
}

export type WorkbookReader = (bytes: Uint8Array, file: string, onProgress?: (progress: ReadProgress) => void) => ReadTask;

export interface WorkerReaderOptions {
  /**
   * Keep one worker started ahead of the next read: its script (ExcelJS) is fetched and compiled while the
   * page itself starts, and again while the user chooses a file, instead of after. One idle worker costs
   * its compiled code, not a workbook.
   */
  spare?: boolean;
}

/** A reader that runs each read in a new worker from `createWorker`. */
export function workerReader(createWorker: () => WorkerLike, { spare = false }: WorkerReaderOptions = {}): WorkbookReader {
  let ready: WorkerLike | undefined;
  const prepare = () => {
    if (!spare || ready) return;
    try {
      ready = createWorker();
    } catch {
      ready = undefined; // the read itself will try again and say why
    }
  };
  prepare();
  const take = () => {
    const w = ready ?? createWorker();
    ready = undefined;
    return w;
  };
  return (bytes, file, onProgress) => {
    let worker: WorkerLike | undefined;
    let settle: ((outcome: { read: ReadBook } | { error: Error }) => void) | undefined;
    const result = new Promise<ReadBook>((resolve, reject) => {
      settle = (outcome) => {
        settle = undefined;
        worker?.terminate();
        prepare();
        if ('read' in outcome) resolve(outcome.read);
        else reject(outcome.error);
      };
    });
    const fail = (detail: string) => settle?.({ error: readErrors.internal(file, detail) });
    try {
      worker = take();
      worker.onmessage = ({ data }) => {
        if (!settle) return;
        if (data.kind === 'progress') onProgress?.(data.progress);
        else if (data.kind === 'done') settle({ read: data.read });
        else if (data.kind === 'failed') settle({ error: new WorkbookReadError(data.problem, data.zh, data.en) });
      };
      // The worker's script failed to load, or it died (out of memory in the worker, not in the page).
      worker.onerror = (event) => {
        event.preventDefault?.();
        fail(`the reading worker stopped: ${event.message || 'no reason given'}`);
      };
      worker.onmessageerror = () => fail('the reading worker sent a message that could not be received');
      // A copy goes to the worker: the page keeps its bytes for the download.
      worker.postMessage({ file, bytes });
    } catch (err) {
      fail(`the reading worker could not start: ${(err as Error)?.message ?? String(err)}`);
    }
    return { result, cancel: () => settle?.({ error: new ReadCancelled(file) }) };
  };
}
