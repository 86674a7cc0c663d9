import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EXAMPLE_CLEAN, ROOT, run } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'rubric-gate-'));
const bundled = readFileSync(join(ROOT, 'rubric', 'changning-2023.yaml'), 'utf8');

/** The bundled rubric with clause 1.1.2 given 1.1.1's id: valid by the schema, an error for lint. */
const duplicate = join(dir, 'duplicate.yaml');
writeFileSync(duplicate, bundled.replace('- id: "1.1.2"', '- id: "1.1.1"'));
/** An unknown field: the schema refuses it. */
const unknownField = join(dir, 'unknown-field.yaml');
writeFileSync(unknownField, bundled.replace('id: changning-2023', 'id: changning-2023\ncolour: red'));

describe('validate, eval and template refuse a rubric that lint reports errors for', () => {
  test('lint itself reports the duplicate id (the premise)', async () => {
    const lint = await run('lint', duplicate);
    expect(lint.code).toBe(1);
    expect(lint.out).toContain('DUPLICATE_ID');
  });

  test('validate: exit 2, the lint error printed with its path, no workbook checked', async () => {
    const { code, out, err } = await run('validate', '--rubric', duplicate, EXAMPLE_CLEAN);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('DUPLICATE_ID');
    expect(err).toMatch(/categories\[0\]\.items\[0\]\.clauses\[1\]\.id/);
    expect(err).toContain('未检查任何表格');
    const json = await run('validate', '--json', '--rubric', duplicate, EXAMPLE_CLEAN);
    expect(JSON.parse(json.out)).toMatchObject({ files: [] });
  });

  test('--lang en: English only, the path and the problem', async () => {
    const { code, err } = await run('validate', '--lang', 'en', '--rubric', duplicate, EXAMPLE_CLEAN);
    expect(code).toBe(2);
    expect(err).toContain('used twice');
    expect(err).toContain('No workbook was checked');
    expect(err).not.toMatch(/评分标准|未检查|两次/);
    const schema = await run('validate', '--lang', 'en', '--rubric', unknownField, EXAMPLE_CLEAN);
    expect(schema.code).toBe(2);
    expect(schema.err).toContain('colour: unknown field');
    expect(schema.err).not.toMatch(/[\u4e00-\u9fff]/);
    const missing = await run('validate', '--lang', 'en', '--rubric', join(dir, 'none.yaml'), EXAMPLE_CLEAN);
    expect(missing.err).toContain('file not found');
    expect(missing.err).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test('eval: exit 2 with the lint error, in the language asked for', async () => {
    const zh = await run('eval', '--rubric', duplicate, '=1+1');
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('DUPLICATE_ID');
    const en = await run('eval', '--lang', 'en', '--rubric', duplicate, '=1+1');
    expect(en.err).toContain('used twice');
    expect(en.err).not.toMatch(/评分标准/);
  });

  test('template: exit 2, nothing written', async () => {
    const out = join(dir, 'template.xlsx');
    const { code, err } = await run('template', '--rubric', duplicate, out);
    expect(code).toBe(2);
    expect(err).toContain('DUPLICATE_ID');
    expect(existsSync(out)).toBe(false);
  });
});
