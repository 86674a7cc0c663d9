/**
 * What the read worker (read-worker.ts) does with a message, as a plain function so Jest (jsdom has no
 * Worker) runs the very code the browser runs. Every reply is structured-clone-safe: the ReadBook is plain
 * data (Maps, Sets, strings, numbers), and a failure travels as its problem and its two messages, since an
 * Error subclass loses its class and fields on the way through postMessage.
 */
import { readErrors, WorkbookReadError, type ReadProblem } from '../cli/xlsx/read-errors';
import { readXlsx, type ReadBook, type ReadProgress } from './xlsx-read';

export interface ReadRequest {
  file: string;
  bytes: Uint8Array;
}

export type ReadReply =
  | { kind: 'progress'; progress: ReadProgress }
  | { kind: 'done'; read: ReadBook }
  | { kind: 'failed'; problem: ReadProblem; zh: string; en: string };

/** Steps of the limits check worth a message: every tenth, so a screen reader is not flooded. */
const CHECK_STEPS = 10;

export async function handleReadRequest(request: ReadRequest, post: (reply: ReadReply) => void): Promise<void> {
  const file = typeof request?.file === 'string' ? request.file : 'workbook.xlsx';
  let lastStep = -1;
  const onProgress = (progress: ReadProgress) => {
    if (progress.stage === 'check') {
      const step = Math.floor(progress.fraction * CHECK_STEPS);
      if (step === lastStep) return;
      lastStep = step;
    }
    post({ kind: 'progress', progress });
  };
  try {
    if (!(request?.bytes instanceof Uint8Array)) throw readErrors.internal(file, 'the read request carried no bytes');
    post({ kind: 'done', read: await readXlsx(request.bytes, file, onProgress) });
  } catch (err) {
    const e = err instanceof WorkbookReadError ? err : readErrors.internal(file, (err as Error)?.message ?? String(err));
    post({ kind: 'failed', problem: e.problem, zh: e.zh, en: e.en });
  }
}
