/**
 * What a CLI run loads before it checks anything: a rubric the build already checked is read from its record
 * (no YAML parser, no Ajv), and HyperFormula only for a sheet with a RUBRIC formula to recompute — while the
 * lint gate and FORMULA_STALE still hold.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkedRubric, writeCheckedRubrics } from '../../src/cli/checked-rubrics';
import { checkUsableRubric } from '../../src/cli/rubric-file';
import { EXAMPLE_CLEAN, ROOT } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'rubric-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BUNDLED = join(ROOT, 'rubric', 'changning-2023.yaml');
const bundledText = readFileSync(BUNDLED, 'utf8');
const write = (name: string, text: string) => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};
/** Valid by the schema, an error for lint (two clauses 1.1.1). */
const duplicate = write('duplicate.yaml', bundledText.replace('- id: "1.1.2"', '- id: "1.1.1"'));
/** Refused by the schema. */
const unknownField = write('unknown-field.yaml', bundledText.replace('id: changning-2023', 'id: changning-2023\ncolour: red'));

describe('records of rubrics checked at build time', () => {
  const dir = join(tmp, 'records');
  const recorded = writeCheckedRubrics([BUNDLED, duplicate, unknownField], checkUsableRubric, dir);

  test('only a usable rubric gets a record, and the record is the rubric the full check gives', () => {
    expect(recorded).toEqual([BUNDLED]);
    expect(checkedRubric(readFileSync(BUNDLED), dir)).toEqual(checkUsableRubric(BUNDLED));
  });

  test('any other bytes are not taken from a record: a lint error or a schema error is never skipped', () => {
    expect(checkedRubric(readFileSync(duplicate), dir)).toBeUndefined();
    expect(checkedRubric(readFileSync(unknownField), dir)).toBeUndefined();
    // One byte more (a trailing newline) is another file.
    expect(checkedRubric(Buffer.concat([readFileSync(BUNDLED), Buffer.from('\n')]), dir)).toBeUndefined();
  });

  test('a damaged record costs only the full check', () => {
    const damaged = join(tmp, 'damaged');
    writeCheckedRubrics([BUNDLED], checkUsableRubric, damaged);
    const [name] = readdirSync(damaged);
    writeFileSync(join(damaged, name), '{"id": ');
    expect(checkedRubric(readFileSync(BUNDLED), damaged)).toBeUndefined();
  });
});

describe('the compiled CLI', () => {
  /** A preload that writes the package names loaded from node_modules when the process exits. */
  const preload = write(
    'loaded.js',
    `process.on('exit', () => {
  const names = new Set(Object.keys(require.cache).map((k) => (k.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/) || [])[1]).filter(Boolean));
  require('fs').writeFileSync(process.env.LOADED_OUT, JSON.stringify([...names]));
});`,
  );
  const runCompiled = (args: string[]) => {
    const out = join(tmp, `loaded-${Math.random().toString(36).slice(2)}.json`);
    const r = spawnSync(process.execPath, ['-r', preload, join(ROOT, 'dist-cli', 'src', 'cli', 'main.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOADED_OUT: out },
    });
    return { ...r, loaded: JSON.parse(readFileSync(out, 'utf8')) as string[] };
  };

  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-cli-built.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status).toBe(0);
  }, 180_000);

  test('the build records the bundled rubric under the hash of its bytes', () => {
    const hash = createHash('sha256').update(readFileSync(BUNDLED)).digest('hex');
    expect(existsSync(join(ROOT, 'dist-cli', 'rubric-checked', `${hash}.json`))).toBe(true);
  });

  test('validating a sheet without RUBRIC formulas loads neither the YAML parser, Ajv nor HyperFormula', () => {
    const r = runCompiled(['validate', '--json', EXAMPLE_CLEAN]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { total: number }[] }).files[0].total).toBeGreaterThan(0);
    expect(r.loaded).toEqual(expect.arrayContaining(['saxes', 'fflate', 'decimal.js']));
    for (const heavy of ['yaml', 'ajv', 'hyperformula']) expect(r.loaded).not.toContain(heavy);
  }, 60_000);

  test('a rubric of the user own is still checked in full: a lint error is refused', () => {
    const r = runCompiled(['validate', '--json', '--rubric', duplicate, EXAMPLE_CLEAN]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('DUPLICATE_ID');
    expect(r.loaded).toEqual(expect.arrayContaining(['yaml', 'ajv']));
  }, 60_000);

  test('a sheet with a stale RUBRIC formula loads HyperFormula and gets FORMULA_STALE', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE_CLEAN);
    const ws = wb.worksheets[0];
    // Beside the table, as a person keeps a worked calculation: 2 points, 6 cases at 0.2 → 0.8, saved as 1.2.
    ws.getCell('M2').value = 2;
    ws.getCell('N2').value = 6;
    ws.getCell('O2').value = 0.2;
    ws.getCell('P2').value = { formula: '_xldudf_RUBRIC_SCORE_DEDUCT(M2,N2,O2)', result: 1.2 } as ExcelJS.CellFormulaValue;
    const file = join(tmp, 'stale.xlsx');
    await wb.xlsx.writeFile(file);
    const r = runCompiled(['validate', '--json', file]);
    const findings = (JSON.parse(r.stdout) as { files: { findings: { code: string; cell: string }[] }[] }).files[0].findings;
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'FORMULA_STALE', cell: 'P2' })]));
    expect(r.loaded).toContain('hyperformula');
  }, 60_000);
});
