/** A new read worker (see read-worker-url.js). */
export function createReadWorker(): Worker;
