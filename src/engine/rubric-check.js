/**
 * The one check of a rubric file's text: YAML parsing, the JSON Schema (Ajv) and problems worded as
 * `path: message`. Plain CommonJS so that both the CLI (through rubric-load.ts) and the webpack loader
 * (scripts/webpack/rubric-loader.js, which runs uncompiled at build time) use this same code.
 * Pure: no Office, no Node modules; the schema is passed in.
 */
// Ajv and yaml are required on first use: a CLI run whose rubric was checked at build time
// (src/cli/checked-rubrics.ts) never loads them, which is a fifth of its start-up.

/** strictNumbers: `.inf`/`.nan` are not scores (and JSON would silently turn them into null). */
const AJV_OPTIONS = { allErrors: true, discriminator: true, strict: false, strictNumbers: true };
const compiled = new WeakMap();

function validatorFor(schema) {
  let validate = compiled.get(schema);
  if (!validate) {
    const Ajv = require('ajv').default;
    validate = new Ajv(AJV_OPTIONS).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** `/categories/2/items/5/clauses/0/max` → `categories[2].items[5].clauses[0].max` */
function toDottedPath(pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

/** A problem in both languages: `message` as the CLI has always printed it (Chinese, English in brackets), `en` alone. */
const two = (path, zh, en) => ({ path, message: `${zh} (${en})`, en });

function describe(e) {
  const path = toDottedPath(e.instancePath);
  const p = e.params;
  const at = (extra) => (path ? `${path}.${extra}` : extra);
  switch (e.keyword) {
    case 'required':
      return two(at(String(p.missingProperty)), '缺少必填字段', 'required field is missing');
    case 'additionalProperties':
      return two(at(String(p.additionalProperty)), '不认识的字段，请检查拼写', 'unknown field; check the spelling');
    case 'type':
      return two(path, `类型应为 ${p.type}`, `must be ${p.type}`);
    case 'enum':
      return { path, message: `应为以下之一 (must be one of): ${p.allowedValues.join(', ')}`, en: `must be one of: ${p.allowedValues.join(', ')}` };
    case 'const':
      return { path, message: `应为 (must be) ${String(p.allowedValue)}`, en: `must be ${String(p.allowedValue)}` };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return two(path, `应 ${p.comparison} ${p.limit}`, `must be ${p.comparison} ${p.limit}`);
    case 'discriminator':
      return two(at('kind'), '未知的规则类型 kind', 'unknown rule kind');
    default:
      return { path, message: e.message ?? e.keyword, en: e.message ?? e.keyword };
  }
}

/** `{ rubric }` when the text is a usable rubric, else `{ problems: [{ path, message }] }`. */
function checkRubric(text, schema) {
  const { parse: parseYaml, YAMLParseError } = require('yaml');
  let data;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (err) {
    const line = err instanceof YAMLParseError && err.linePos ? err.linePos[0].line : undefined;
    const detail = String(err.message).split('\n')[0];
    return {
      problems: [
        {
          path: line === undefined ? '' : `第 ${line} 行 (line ${line})`,
          pathEn: line === undefined ? '' : `line ${line}`,
          message: `不是有效的 YAML/JSON (not valid YAML): ${detail}`,
          en: `not valid YAML/JSON: ${detail}`,
        },
      ],
    };
  }
  const validate = validatorFor(schema);
  if (validate(data)) return { rubric: data };
  const seen = new Set();
  const problems = (validate.errors ?? [])
    // oneOf/discriminator failures repeat the branch errors; keep the most specific, once.
    .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map(describe)
    .filter((p) => (seen.has(p.path + p.message) ? false : (seen.add(p.path + p.message), true)));
  return { problems };
}

/** `file: path: message`, one line a problem; `lang` 'en': English only. */
const formatProblems = (file, problems, lang) =>
  problems
    .map((p) =>
      lang === 'en'
        ? `${file}: ${(p.pathEn ?? p.path) || '(root)'}: ${p.en ?? p.message}`
        : `${file}: ${p.path || '(根)'}: ${p.message}`,
    )
    .join('\n');

module.exports = { checkRubric, formatProblems, toDottedPath };
