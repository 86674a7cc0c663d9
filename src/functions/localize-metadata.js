// @ts-check
/**
 * The zh-CN custom-functions metadata: the English functions.json the metadata plugin generates, with
 * every description and parameter description replaced from one translation table
 * (metadata.zh-CN.json). Ids, names, types and order stay exactly as generated, so Excel matches the
 * localized file to the same functions. Plain CommonJS because webpack.config.js runs it at build time.
 */
'use strict';

/**
 * @param {{ functions: Array<{ id: string, description?: string, parameters: Array<{ name: string, description?: string }> }> }} metadata
 * @param {Record<string, { description: string, parameters: Record<string, string> }>} table
 * @returns {{ metadata: any, problems: string[] }} problems: every function or parameter the table misses, and every table entry no function has
 */
function localizeMetadata(metadata, table) {
  const problems = [];
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry) {
      problems.push(`${fn.id}: no zh-CN translation`);
      return fn;
    }
    const parameters = fn.parameters.map((p) => {
      const text = entry.parameters[p.name];
      if (text === undefined) problems.push(`${fn.id}(${p.name}): no zh-CN translation`);
      return text === undefined ? p : { ...p, description: text };
    });
    for (const name of Object.keys(entry.parameters)) {
      if (!fn.parameters.some((p) => p.name === name)) problems.push(`${fn.id}(${name}): translated but not a parameter`);
    }
    return { ...fn, description: entry.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`${id}: translated but not a function`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

module.exports = { localizeMetadata };
