import Ajv, { ErrorObject } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import schema from '../../rubric/schema.json';
import type { Rubric } from './rubric-types';

/** A rubric file that cannot be used: names the file, the path inside it and what is wrong. */
export class RubricFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(problems.map((p) => `${file}: ${p.path || '(根)'}: ${p.message}`).join('\n'));
    this.name = 'RubricFileError';
  }
}

const ajv = new Ajv({ allErrors: true, discriminator: true, strict: false });
const validateSchema = ajv.compile<Rubric>(schema);

/** `/categories/2/items/5/clauses/0/max` → `categories[2].items[5].clauses[0].max` */
export function toDottedPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

function describe(e: ErrorObject): { path: string; message: string } {
  const path = toDottedPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const at = (extra: string) => (path ? `${path}.${extra}` : extra);
  switch (e.keyword) {
    case 'required':
      return { path: at(String(p.missingProperty)), message: '缺少必填字段 (required field is missing)' };
    case 'additionalProperties':
      return { path: at(String(p.additionalProperty)), message: '不认识的字段，请检查拼写 (unknown field)' };
    case 'type':
      return { path, message: `类型应为 ${p.type} (must be ${p.type})` };
    case 'enum':
      return { path, message: `应为以下之一 (must be one of): ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path, message: `应为 (must be) ${String(p.allowedValue)}` };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return { path, message: `应 ${p.comparison} ${p.limit} (must be ${p.comparison} ${p.limit})` };
    case 'discriminator':
      return { path: at('kind'), message: '未知的规则类型 kind (unknown rule kind)' };
    default:
      return { path, message: e.message ?? e.keyword };
  }
}

/** Parse and check a rubric file's text. Throws RubricFileError; never returns a half-valid rubric. */
export function parseRubric(text: string, file: string): Rubric {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? `第 ${err.linePos[0].line} 行 (line ${err.linePos[0].line})` : '';
    throw new RubricFileError(file, [{ path: where, message: `不是有效的 YAML/JSON (not valid YAML): ${(err as Error).message.split('\n')[0]}` }]);
  }
  if (!validateSchema(data)) {
    const seen = new Set<string>();
    const problems = (validateSchema.errors ?? [])
      // oneOf/discriminator failures repeat the branch errors; keep the most specific, once.
      .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
      .map(describe)
      .filter((p) => (seen.has(p.path + p.message) ? false : (seen.add(p.path + p.message), true)));
    throw new RubricFileError(file, problems);
  }
  return data;
}
