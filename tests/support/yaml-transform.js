/**
 * Jest transform: a rubric/*.yaml import is the parsed, schema-checked rubric, exactly as the webpack
 * loader gives it to the bundle (the same checkRubric; a broken rubric fails the import with its problems).
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const LOADER = require.resolve('../../scripts/webpack/rubric-loader');
const SCHEMA = path.join(__dirname, '..', '..', 'rubric', 'schema.json');
const { checkRubric, formatProblems } = require(LOADER);

module.exports = {
  process(sourceText, sourcePath) {
    const verdict = checkRubric(sourceText);
    if (verdict.problems) throw new Error(formatProblems(path.relative(process.cwd(), sourcePath), verdict.problems));
    return { code: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(verdict.rubric))});` };
  },
  // The result also depends on the schema and the loader, which Jest's own cache key does not cover.
  getCacheKey(sourceText, sourcePath, options) {
    const hash = crypto.createHash('sha256');
    for (const part of [sourcePath, sourceText, String(options?.configString ?? ''), fs.readFileSync(SCHEMA), fs.readFileSync(LOADER), fs.readFileSync(__filename)]) {
      hash.update(part).update('\0');
    }
    return hash.digest('hex');
  },
};
