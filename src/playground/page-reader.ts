/**
 * The page's workbook reader, made in a module of its own that index.tsx imports first: modules are
 * evaluated in import order, so the worker started ahead (with ExcelJS to fetch and compile) begins before
 * React, Fluent UI and HyperFormula are evaluated on the page's thread, not after.
 */
import { createReadWorker } from './read-worker-url';
import { workerReader, type WorkerLike } from './workbook-reader';

/** Opened files are read in a Web Worker (read-worker.ts); a Worker is a WorkerLike with wider event types. */
export const readWorkbook = workerReader(() => createReadWorker() as unknown as WorkerLike, { spare: true });
