// The read worker, as webpack 5 bundles it: `new Worker(new URL(…, import.meta.url))` makes read-worker.ts its
// own chunk (ExcelJS with it). Plain JavaScript because the project's tsconfig (CommonJS, for Node and Jest)
// does not allow import.meta; webpack reads this file as an ES module, as it does sample-url.js.
export const createReadWorker = () => new Worker(/* webpackChunkName: "read-worker" */ new URL('./read-worker.ts', import.meta.url));
