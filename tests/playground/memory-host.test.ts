import { toNumber } from '../../src/engine/decimal';
import { evaluateRule } from '../../src/engine/rules';
import { fromA1 } from '../../src/engine/sheet/sheet-model';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { HostError } from '../../src/host/workbook-host';
import { SEVERITY_FILL } from '../../src/office/marks';
import { MemoryHost } from '../../src/playground/memory-host';
import { cloneBook, emptySheet, type Book, type BookCell } from '../../src/playground/workbook-model';
import { loadBundled } from '../rubric/bundled';

/** A sheet with the user's own colours and notes, a merged range and a formula. */
function userBook(): Book {
  const s = emptySheet('自评表');
  const put = (a: string, c: BookCell) => s.cells.set(a, c);
  put('A1', { value: '指标体系', bold: true, fill: '#D9E1F2' });
  put('E5', { value: 2, fill: '#00B050', note: '复核：已核对原件' });
  put('E6', { value: 1.5 });
  put('F6', { value: null, fill: '#FFFF00' });
  put('G6', { value: null, note: '待补材料' });
  put('E9', { value: null, formula: 'SUM(E5:E6)' });
  s.merges = [{ top: 6, left: 1, bottom: 7, right: 1 }]; // B7:B8
  put('B7', { value: '规范工作流程' });
  const other = emptySheet('说明');
  other.cells.set('A1', { value: '填表说明', fill: '#FFC7CE' });
  return { sheets: [s, other], active: '自评表' };
}

const expectHostError = async (p: Promise<unknown>, kind: HostError['kind']) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HostError);
  expect((err as HostError).kind).toBe(kind);
  return err as HostError;
};

describe('MemoryHost marks', () => {
  test('marks colour by severity and note, and clearMarks restores every fill and note exactly', async () => {
    const book = userBook();
    const before = cloneBook(book);
    const host = new MemoryHost(book);
    await host.writeMarks('自评表', [
      { cell: 'E5', severity: 'warning', note: '缺佐证材料' },
      { cell: 'E6', severity: 'error', note: '超过满分' },
      { cell: 'F6', severity: 'info', note: '提示' },
      { cell: 'G6', severity: 'warning', note: '缺扣分说明' },
      { cell: 'D20', severity: 'error', note: '空白处' },
    ]);
    const cells = host.workbook.sheets[0].cells;
    expect(cells.get('E5')).toMatchObject({ value: 2, fill: SEVERITY_FILL.warning, note: '缺佐证材料' });
    expect(cells.get('E6')).toMatchObject({ value: 1.5, fill: SEVERITY_FILL.error, note: '超过满分' });
    expect(cells.get('F6')).toMatchObject({ fill: SEVERITY_FILL.info });
    expect(cells.get('G6')?.note).toBe('缺扣分说明');
    expect(cells.get('D20')).toMatchObject({ value: null, fill: SEVERITY_FILL.error });
    expect(host.markAt('自评表', 'E6')?.severity).toBe('error');
    expect(host.markCount).toBe(5);

    expect(await host.clearMarks()).toBe(5);
    expect(host.workbook).toEqual(before);
    expect(host.markAt('自评表', 'E6')).toBeUndefined();
    expect(await host.clearMarks()).toBe(0);
  });

  test('several marks on one cell show the graver colour and every note', async () => {
    const host = new MemoryHost(userBook());
    await host.writeMarks('自评表', [
      { cell: 'E6', severity: 'info', note: '甲' },
      { cell: 'E6', severity: 'error', note: '乙' },
      { cell: 'E6', severity: 'warning', note: '丙' },
    ]);
    expect(host.workbook.sheets[0].cells.get('E6')).toMatchObject({ fill: SEVERITY_FILL.error, note: '甲\n乙\n丙' });
    expect(await host.clearMarks()).toBe(1);
  });

  test('marking again replaces the earlier marks and still restores the true originals', async () => {
    const book = userBook();
    const before = cloneBook(book);
    const host = new MemoryHost(book);
    await host.writeMarks('自评表', [
      { cell: 'E5', severity: 'error', note: 'first' },
      { cell: 'F6', severity: 'error', note: 'first' },
    ]);
    await host.writeMarks('自评表', [{ cell: 'E5', severity: 'warning', note: 'second' }]);
    const cells = host.workbook.sheets[0].cells;
    // F6 is no longer a finding: its own yellow is back at once.
    expect(cells.get('F6')).toEqual(before.sheets[0].cells.get('F6'));
    expect(cells.get('E5')).toMatchObject({ fill: SEVERITY_FILL.warning, note: 'second' });
    expect(await host.clearMarks()).toBe(1);
    expect(host.workbook).toEqual(before);
  });

  test('marks on two sheets are all cleared, and an empty list clears that sheet only', async () => {
    const book = userBook();
    const before = cloneBook(book);
    const host = new MemoryHost(book);
    await host.writeMarks('自评表', [{ cell: 'E5', severity: 'error', note: 'x' }]);
    await host.writeMarks('说明', [{ cell: 'A1', severity: 'info', note: 'y' }]);
    await host.writeMarks('说明', []);
    expect(host.workbook.sheets[1]).toEqual(before.sheets[1]);
    expect(await host.clearMarks()).toBe(1);
    expect(host.workbook).toEqual(before);
  });

  test('a mark inside a merged range lands on its top-left cell', async () => {
    const host = new MemoryHost(userBook());
    await host.writeMarks('自评表', [{ cell: 'B8', severity: 'error', note: '合并区域' }]);
    expect(host.markAt('自评表', 'B7')?.note).toBe('合并区域');
    expect(host.workbook.sheets[0].cells.has('B8')).toBe(false);
  });

  test('a bad address, an unknown sheet or a protected sheet is refused and changes nothing', async () => {
    const book = userBook();
    book.sheets[1].protected = true;
    const before = cloneBook(book);
    const host = new MemoryHost(book);
    const bad = await expectHostError(
      host.writeMarks('自评表', [
        { cell: 'E5', severity: 'error', note: 'ok' },
        { cell: 'not-a-cell', severity: 'error', note: 'bad' },
      ]),
      'failed',
    );
    expect(bad.message).toContain('not-a-cell');
    expect(bad.message).toContain('E14');
    const missing = await expectHostError(host.writeMarks('第二季度', [{ cell: 'A1', severity: 'error', note: 'x' }]), 'failed');
    expect(missing.message).toContain('第二季度');
    const locked = await expectHostError(host.writeMarks('说明', [{ cell: 'A1', severity: 'error', note: 'x' }]), 'protected');
    expect(locked.message).toContain('撤消工作表保护');
    expect(host.workbook).toEqual(before);
    expect(host.markCount).toBe(0);
  });

  test('errors are in English when the host runs in English', async () => {
    const host = new MemoryHost(userBook(), { locale: 'en' });
    const err = await expectHostError(host.selectCell('Q3', 'A1'), 'failed');
    expect(err.message).toBe('The workbook has no worksheet named "Q3". Please validate again.');
  });
});

describe('MemoryHost reading, selection and writing', () => {
  test('readActiveSheet gives values, formulas with computed results, number formats and merges', async () => {
    const book = userBook();
    book.sheets[0].cells.set('E7', { value: 0.15, numberFormat: '0%' });
    const host = new MemoryHost(book);
    const sheet = await host.readActiveSheet();
    expect(sheet.name).toBe('自评表');
    expect(sheet.cell(4, 4)).toEqual({ value: 2 });
    // 2 + 1.5, computed here: the file cached nothing (value null).
    expect(sheet.cell(8, 4)).toEqual({ value: 3.5, formula: 'SUM(E5:E6)' });
    expect(sheet.cell(6, 4)).toEqual({ value: 0.15, numberFormat: '0%' });
    expect(sheet.cell(5, 5)).toBeUndefined(); // F6 holds only a fill: nothing for the engine
    expect(sheet.merges).toEqual([{ top: 6, left: 1, bottom: 7, right: 1 }]);
    expect(sheet.rowCount).toBe(9);
    expect(sheet.colCount).toBe(7);
  });

  test('RUBRIC functions compute, in either written form, with exact decimals', async () => {
    const s = emptySheet('计算');
    s.cells.set('A1', { value: 6 });
    // 2 − 6 × 0.2 is 0.8 exactly (binary floats give 0.7999999999999998); the file cached a stale 99.
    s.cells.set('B1', { value: 99, formula: 'RUBRIC.SCORE_DEDUCT(2,A1,0.2)' });
    s.cells.set('B2', { value: 99, formula: '_xldudf_RUBRIC_SCORE_DEDUCT(2,1,0.5)' });
    s.cells.set('B3', { value: null, formula: 'RUBRIC.SCORE_DEDUCT(2,20,0.2)' }); // 扣完为止: never below 0
    s.cells.set('B4', { value: null, formula: 'RUBRIC.SCORE_DEDUCT(2,-1,0.2)' }); // a negative count is an argument error
    const host = new MemoryHost({ sheets: [s], active: '计算' }, { rubric: loadBundled() });
    const sheet = await host.readActiveSheet();
    expect(sheet.cell(0, 1)).toEqual({ value: 0.8, formula: 'RUBRIC.SCORE_DEDUCT(2,A1,0.2)' });
    expect(sheet.cell(1, 1)?.value).toBe(1.5);
    expect(sheet.cell(2, 1)?.value).toBe(0);
    expect(sheet.cell(3, 1)?.value).toEqual({ error: '#NUM!' });
    await host.writeFormula('计算', 'C1', '=RUBRIC.SCORE_DEDUCT(2,A1+1,0.2)');
    expect(host.valueAt('计算', 'C1')).toBe(0.6);
  });

  test('a formula this page cannot compute shows what the file cached, as Excel would before recalculating', async () => {
    const s = emptySheet('表');
    s.cells.set('A1', { value: 7, formula: 'SUM(表1[得分])' }); // a structured reference HyperFormula cannot parse
    s.cells.set('A2', { value: 3, formula: 'OTHERADDIN.SCORE(1)' }); // another add-in's function
    s.cells.set('A3', { value: 5, formula: '1/0' }); // a real error is still shown as the error
    const host = new MemoryHost({ sheets: [s], active: '表' });
    expect(['A1', 'A2', 'A3'].map((a) => host.valueAt('表', a))).toEqual([7, 3, { error: '#DIV/0!' }]);
  });

  test('the active sheet is the one read', async () => {
    const host = new MemoryHost(userBook());
    host.setActiveSheet('说明');
    expect((await host.readActiveSheet()).cell(0, 0)?.value).toBe('填表说明');
  });

  test('selectCell activates the sheet and selects the cell (top-left of a merge); getSelection reports it 0-based', async () => {
    const host = new MemoryHost(userBook());
    const seen: number[] = [];
    host.subscribe(() => seen.push(host.getVersion()));
    await host.selectCell('自评表', 'E14');
    expect(await host.getSelection()).toEqual({ sheet: '自评表', address: 'E14', row: 13 });
    await host.selectCell('自评表', '$B$8');
    expect(await host.getSelection()).toEqual({ sheet: '自评表', address: 'B7', row: 6 });
    await host.selectCell('说明', 'A1');
    expect(host.workbook.active).toBe('说明');
    expect(seen).toHaveLength(3);
  });

  test('writeFormula writes and computes; a formula that does not parse is refused and changes nothing', async () => {
    const book = userBook();
    const host = new MemoryHost(book);
    await host.writeFormula('自评表', 'E10', '=E9*2');
    expect(host.valueAt('自评表', 'E10')).toBe(7);
    expect((await host.readActiveSheet()).cell(9, 4)).toEqual({ value: 7, formula: 'E9*2' });
    const before = cloneBook(host.workbook as Book);
    const err = await expectHostError(host.writeFormula('自评表', 'E11', '=SUM(E5:E6'), 'failed');
    expect(err.message).toContain('=SUM(E5:E6');
    expect(host.workbook).toEqual(before);
  });

  test('insertSheet draws the template spec, activates it and never reuses a name', async () => {
    const spec = buildTemplateSpec(loadBundled());
    const host = new MemoryHost();
    expect(await host.insertSheet(spec)).toBe('自评表');
    expect(await host.insertSheet(spec)).toBe('自评表 (2)');
    expect(host.workbook.active).toBe('自评表 (2)');
    const sheet = await host.readActiveSheet();
    expect(sheet.cell(2, 4)?.value).toBe('自评得分');
    expect(sheet.merges.length).toBe(spec.merges.length);
    // No score is filled in yet, so every capped category sum and therefore the 合计 is 0.
    expect(host.valueAt('自评表 (2)', spec.totalCell!)).toBe(0);
  });

  test('the formulas template computes a SCORE_CLAUSE score from its 计分依据 cell', async () => {
    const rubric = loadBundled();
    const spec = buildTemplateSpec(rubric, 'zh-CN', { formulas: true });
    const host = new MemoryHost(undefined, { rubric });
    const name = await host.insertSheet(spec);
    const clause = rubric.categories.flatMap((k) => k.items.flatMap((i) => i.clauses)).find((c) => c.rule.kind === 'deduct')!;
    const score = spec.cells.find((c) => c.clauseId === clause.id)!;
    const input = `H${fromA1(score.address).row + 1}`;
    expect(host.valueAt(name, score.address)).toBe(''); // nothing entered yet: no score, not 0
    await host.writeFormula(name, input, '=3');
    const expected = toNumber(evaluateRule(clause.rule, clause.max, { cases: 3 }));
    expect(expected).toBeLessThan(clause.max);
    expect(host.valueAt(name, score.address)).toBe(expected);
    expect(host.valueAt(name, spec.totalCell!)).toBe(expected);
    const sheet = await host.readActiveSheet();
    const { row, col } = fromA1(score.address);
    expect(sheet.cell(row, col)).toEqual({ value: expected, formula: score.formula });
  });
});
