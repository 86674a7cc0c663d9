/* eslint-env node */
/**
 * webpack loader for rubric/*.yaml: parses the YAML and checks it against rubric/schema.json at BUILD
 * time, and emits the rubric as a parsed object (`export default JSON.parse('…')`), so the browser
 * bundles carry neither the `yaml` parser nor Ajv (whose run-time code generation needs 'unsafe-eval').
 * A rubric that is not valid fails the build, naming the file, the path inside it and what is wrong.
 *
 * The check itself is src/engine/rubric-check.js, the same code parseRubric runs for the CLI's --rubric
 * files (plain JavaScript so this loader can require it without a compile step).
 */
const fs = require('fs');
const path = require('path');
const { checkRubric: check, formatProblems } = require('../../src/engine/rubric-check');

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'rubric', 'schema.json');

/** The schema as it is now (re-read so watch mode sees an edited schema). */
const checkRubric = (text) => check(text, JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));

/** @this {import('webpack').LoaderContext<unknown>} */
function rubricLoader(text) {
  this.addDependency(SCHEMA_FILE);
  const file = path.relative(this.rootContext || process.cwd(), this.resourcePath).split(path.sep).join('/');
  const verdict = checkRubric(text);
  if (verdict.problems) {
    const err = new Error(
      `评分细则文件不符合 rubric/schema.json，请按下列位置修改后重新构建 (the rubric does not match rubric/schema.json; fix it and build again):\n` +
        formatProblems(file, verdict.problems),
    );
    // The message says it all: without a stack webpack prints it once, not again with loader frames.
    err.stack = undefined;
    throw err;
  }
  // JSON.parse of a string literal is parsed faster by browsers than the same object as a JS literal.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(verdict.rubric))});\n`;
}

module.exports = rubricLoader;
module.exports.checkRubric = checkRubric;
module.exports.formatProblems = formatProblems;
