import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { HyperFormula } from 'hyperformula';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadWorkbook } from '../../src/cli/xlsx/read-workbook';
import type { XlsxReader } from '../../src/xlsx/xlsx-reader';

const firstSheet = (reader: XlsxReader) => reader.readSheet(reader.sheets[0]);
import { templateBuffer } from '../../src/cli/xlsx/write-template';
import { dec } from '../../src/engine/decimal';
import { locateTable } from '../../src/engine/locate/locate-table';
import { scoreRubric, type ClauseEntry } from '../../src/engine/scoring';
import { fromA1 } from '../../src/engine/sheet/sheet-model';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import type { TemplateSpec } from '../../src/engine/template/template-spec';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { bundledRubric, run } from './helpers';

const rubric = bundledRubric();
const allClauses = rubric.categories.flatMap((c) => c.items.flatMap((i) => i.clauses.map((clause) => ({ clause, category: c }))));

describe('buildTemplateSpec', () => {
  const spec = buildTemplateSpec(rubric);
  const cellAt = (address: string) => spec.cells.find((c) => c.address === address);

  test('title, 街镇 field and the familiar header', () => {
    expect(cellAt('A1')?.value).toBe(`${rubric.title}自评表`);
    expect(cellAt('A2')?.value).toBe('街镇：');
    expect(spec.columns.map((c) => c.header)).toEqual(['指标体系', '评价内容', '分值', '评分细则', '自评得分', '佐证材料', '扣分说明']);
    expect(spec.columns.map((_, i) => cellAt(`${String.fromCharCode(65 + i)}${spec.headerRow}`)?.value)).toEqual(
      spec.columns.map((c) => c.header),
    );
    expect(spec.freezeRows).toBe(spec.headerRow);
    expect(spec.printTitleRows).toBe(`${spec.headerRow}:${spec.headerRow}`);
  });

  test('one score cell per clause, each with its clause text beside it', () => {
    const scoreCells = spec.cells.filter((c) => c.clauseId);
    expect(scoreCells.map((c) => c.clauseId)).toEqual(allClauses.map((c) => c.clause.id));
    for (const cell of scoreCells) {
      const row = fromA1(cell.address).row + 1;
      const clause = allClauses.find((c) => c.clause.id === cell.clauseId)!.clause;
      expect(cellAt(`D${row}`)).toMatchObject({ value: clause.text, wrap: true });
    }
  });

  test('category cells are merged down all their rows and show the cap as in the source', () => {
    for (const category of rubric.categories) {
      const label = spec.cells.find((c) => typeof c.value === 'string' && c.value.startsWith(`${category.name}\n`));
      expect(label?.address[0]).toBe('A');
      const rows = category.items.reduce((n, i) => n + i.clauses.length, 0);
      const top = fromA1(label!.address).row + 1;
      expect(spec.merges).toContain(`A${top}:A${top + rows - 1}`);
    }
    expect(spec.cells.some((c) => c.value === '年度重点工作任务\n（25分）')).toBe(true);
    expect(spec.cells.some((c) => c.value === '扣分项\n（－5分）')).toBe(true);
  });

  test('validation: 0..max on base and bonus clauses, −max..0 on penalty clauses, 是/否 on the veto', () => {
    for (const { clause, category } of allClauses) {
      const cell = spec.cells.find((c) => c.clauseId === clause.id)!;
      const v = spec.validations.find((x) => x.range === cell.address)!;
      if (clause.rule.kind === 'veto') expect(v.list).toEqual(['否', '是']);
      else if (category.kind === 'penalty') expect([v.min, v.max]).toEqual([-clause.max, 0]);
      else expect([v.min, v.max]).toEqual([0, clause.max]);
      expect(v.error.length).toBeGreaterThan(0);
    }
  });

  /** Computes the spec's 合计 formula with HyperFormula over a filled score column. */
  function totalByFormula(s: TemplateSpec, scores: Map<string, number | string>): number {
    const lastRow = fromA1(s.totalCell!).row;
    const grid: (number | string | null)[][] = Array.from({ length: lastRow + 1 }, () => Array(s.columns.length).fill(null));
    for (const c of s.cells) {
      const { row, col } = fromA1(c.address);
      if (c.clauseId && scores.has(c.clauseId)) grid[row][col] = scores.get(c.clauseId)!;
      else if (c.formula) grid[row][col] = `=${c.formula}`;
    }
    const hf = HyperFormula.buildFromArray(grid, { licenseKey: 'gpl-v3' });
    const { row, col } = fromA1(s.totalCell!);
    const value = hf.getCellValue({ sheet: 0, row, col });
    hf.destroy();
    return value as number;
  }

  test('the 合计 formula caps each base category, the bonus at +5 and the penalty at −5', () => {
    // Everything overfilled: each base category still counts at most its cap (sum 100), bonus +5, penalty −5.
    const over = new Map<string, number | string>();
    for (const { clause, category } of allClauses) {
      if (clause.rule.kind === 'veto') over.set(clause.id, '是');
      else over.set(clause.id, category.kind === 'penalty' ? -clause.max : clause.max + 1);
    }
    expect(totalByFormula(spec, over)).toBe(100 + 5 - 5);
  });

  test('the 合计 formula agrees with scoreRubric on an ordinary fill', () => {
    const scores = new Map<string, number | string>();
    const entries = new Map<string, ClauseEntry>();
    for (const [i, { clause, category }] of allClauses.entries()) {
      if (clause.rule.kind === 'veto') {
        scores.set(clause.id, '否');
        continue;
      }
      // A spread of partial scores; penalty −2 once, bonus 1.5 once.
      const value = category.kind === 'penalty' ? (i % 2 ? -2 : 0) : category.kind === 'bonus' ? (i % 3 ? 0 : 1.5) : i % 4 ? clause.max : clause.max / 2;
      scores.set(clause.id, value);
      entries.set(clause.id, { score: dec(value) });
    }
    const expected = scoreRubric(rubric, entries, false).total.toNumber();
    expect(totalByFormula(spec, scores)).toBeCloseTo(expected, 9);
  });
});

describe('template round trip', () => {
  test('written with ExcelJS and read back, the locator finds every clause and no stray row', async () => {
    const bytes = await templateBuffer(buildTemplateSpec(rubric));
    const { sheet } = firstSheet(loadWorkbook(bytes, 'template.xlsx'));
    const table = locateTable(sheet, rubric);
    expect(table.rows.flatMap((r) => r.clauseIds)).toEqual(allClauses.map((c) => c.clause.id));
    expect(table.unknownRows).toEqual([]);
    expect(table.totalRows.map((t) => t.kind)).toEqual(['total']);

    const result = validateSheet(sheet, rubric);
    const codes = new Set(result.findings.map((f) => f.code));
    expect(codes.has('CLAUSE_MISSING')).toBe(false);
    expect(codes.has('UNKNOWN_ROW')).toBe(false);
    // An empty template: every base clause is reported as missing its score, at its own score cell
    // (an empty bonus or penalty row just means none).
    const scoreCell = new Map(buildTemplateSpec(rubric).cells.filter((c) => c.clauseId).map((c) => [c.clauseId, c.address]));
    const missing = new Map(result.findings.filter((f) => f.code === 'SCORE_MISSING').map((f) => [f.clauseId, f.cell]));
    for (const { clause } of allClauses.filter((c) => c.category.kind === 'base')) expect(missing.get(clause.id)).toBe(scoreCell.get(clause.id));
  });
});

describe('CLI template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rubric-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes the workbook, then refuses to overwrite it unless --force', async () => {
    const out = join(dir, '自评表.xlsx');
    const first = await run('template', out);
    expect(first.code).toBe(0);
    expect(existsSync(out)).toBe(true);

    writeFileSync(out, 'staff notes');
    const again = await run('template', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在');
    expect(readFileSync(out, 'utf8')).toBe('staff notes');

    const forced = await run('template', out, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  test('--formulas writes RUBRIC.SCORE_CLAUSE score formulas in the file form Excel binds; the default writes none', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const read = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      const formulas = new Map<string, string>();
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string } | null;
          if (v && typeof v === 'object' && typeof v.formula === 'string') formulas.set(cell.address, v.formula);
        }),
      );
      return { formulas, header: ws.getCell(`H${buildTemplateSpec(rubric).headerRow}`).value };
    };
    const withFormulas = join(dir, 'formulas.xlsx');
    const plainFile = join(dir, 'plain.xlsx');
    expect((await run('template', '--formulas', withFormulas)).code).toBe(0);
    expect((await run('template', plainFile)).code).toBe(0);

    const spec = buildTemplateSpec(rubric, 'zh-CN', { formulas: true });
    const computing = spec.cells.filter((c) => c.clauseId !== undefined && c.formula !== undefined);
    expect(computing.length).toBeGreaterThan(0);
    const got = await read(withFormulas);
    expect(got.header).toBe('计分依据');
    for (const c of computing) {
      const input = `H${fromA1(c.address).row + 1}`;
      expect(got.formulas.get(c.address)).toBe(`IF(${input}="","",_xldudf_RUBRIC_SCORE_CLAUSE("${c.clauseId}",${input}))`);
    }
    const plain = await read(plainFile);
    expect(plain.header).toBeNull();
    // Only the 合计 formula: no score cell computes without the option.
    expect([...plain.formulas.keys()]).toEqual([buildTemplateSpec(rubric).totalCell]);
    expect([...plain.formulas.values()].some((f) => /RUBRIC/i.test(f))).toBe(false);

    // Read back through the CLI's own reader, the table is still the rubric's, every clause in place.
    const { sheet } = firstSheet(loadWorkbook(readFileSync(withFormulas), 'formulas.xlsx'));
    const table = locateTable(sheet, rubric);
    expect(table.rows.flatMap((r) => r.clauseIds)).toEqual(allClauses.map((c) => c.clause.id));
    expect(table.unknownRows).toEqual([]);
  });

  test('the help names --formulas', async () => {
    const { Command } = await import('commander');
    const { registerTemplate } = await import('../../src/cli/commands/template');
    const program = new Command();
    registerTemplate(program, { out: () => undefined, err: () => undefined, exit: () => undefined });
    const help = program.commands.find((c) => c.name() === 'template')!.helpInformation();
    expect(help).toContain('--formulas');
    expect(help).toContain('#NAME?');
  });

  test('a bad rubric file or output name is exit 2 with nothing written', async () => {
    const out = join(dir, 'x.xlsx');
    const missing = await run('template', '--rubric', join(dir, 'nope.yaml'), out);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.yaml');
    expect(existsSync(out)).toBe(false);
    expect((await run('template', join(dir, 'x.csv'))).code).toBe(2);
  });
});
