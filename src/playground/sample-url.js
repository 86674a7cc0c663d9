// The example workbook, emitted beside the page by webpack (an asset module: `new URL(…, import.meta.url)`
// needs no loader rule). Plain JavaScript because the project's tsconfig (CommonJS, for Node and Jest)
// does not allow import.meta; webpack reads this file as an ES module.
export const SAMPLE_URL = new URL('../../examples/江苏路街道-2023-自评表.xlsx', import.meta.url).href;
