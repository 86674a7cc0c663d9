/**
 * The validator on the layouts staff actually use. Each planted defect must be reported at its exact
 * cell with its code, and nothing else may be reported: the rest of each sheet is the clean default.
 */
import { loadBundled } from '../../rubric/bundled';
import type { Finding } from '../../../src/engine/validate/finding';
import { validateSheet, type SheetCheck } from '../../../src/engine/validate/validate-sheet';
import { toA1 } from '../../../src/engine/sheet/sheet-model';
import type { Rubric } from '../../../src/engine/rubric-types';
import { buildSheet, REORDERED_COLUMNS, type BuildOptions, type SheetPlan } from './rubric-sheet';

let rubric: Rubric;
beforeAll(() => {
  rubric = loadBundled();
});

const brief = (findings: Finding[]) => findings.map((f) => ({ code: f.code, cell: f.cell }));
const run = (plan: SheetPlan, locale?: 'zh-CN' | 'en') => validateSheet(plan.sheet(), rubric, { locale });

/** Reordered and renamed columns under two title rows and a blank row, with extra columns. */
const REORDERED = REORDERED_COLUMNS;

const LAYOUTS: Record<string, BuildOptions> = {
  'one row per clause': { layout: 'per-clause', subtotals: true },
  'items collapsed into one row': { layout: 'one-row-items' },
  'reordered, renamed columns under title rows': {
    columns: REORDERED,
    titleRows: 3,
    categoryLabel: (c) => `${c.name}\n（${c.cap}分）`,
  },
  'veto as clause 3 of 安全管理': { veto: 'in-penalty', subtotals: true },
  'no merged cells': { merge: false },
};

describe.each(Object.entries(LAYOUTS))('clean sheet: %s', (_name, options) => {
  test('produces no finding at all and the expected score', () => {
    const result = run(buildSheet(rubric, options));
    expect(brief(result.findings)).toEqual([]);
    // Full marks less one case on each of the 12 per-case deduction clauses (5 points in all), +2 bonus, −2 penalty.
    expect(result.scorecard.total.toString()).toBe('95');
    expect(result.scorecard.grade).toBe('优秀');
    expect(result.scorecard.veto).toBe(false);
  });
});

describe('layout 1: one row per clause', () => {
  const plan = () => buildSheet(rubric, { layout: 'per-clause', subtotals: true });

  test.each([
    ['2.2.1', 2.5, 'SCORE_ABOVE_MAX'],
    ['2.1.1', 0.5, 'SCORE_NOT_ALLOWED'], // 1-point all-or-nothing
    ['2.3.1', 1.3, 'SCORE_NOT_ALLOWED'], // 2 points, −0.5 per case
    ['3.2.3', 0.333, 'SCORE_NOT_ALLOWED'], // proportional rounds to 0.01
    ['1.1.1', '两分', 'SCORE_NOT_NUMBER'],
    ['1.1.2', { error: '#N/A' }, 'SCORE_NOT_NUMBER'],
    ['1.4.1', '不适用', 'SCORE_NOT_NUMBER'], // this clause has no not-applicable case
    ['1.3.1', -1, 'SCORE_NEGATIVE'],
    ['1.2.1', null, 'SCORE_MISSING'],
  ] as const)('%s scored %p → %s at its score cell only', (id, value, code) => {
    const p = plan();
    p.set(id, 'score', value);
    const result = run(p);
    expect(brief(result.findings)).toEqual([{ code, cell: p.cell(id, 'score') }]);
    expect(result.findings[0].clauseId).toBe(id);
    expect(result.findings[0].severity).toBe('error');
  });

  test('a formula whose result the file does not hold is not an empty score', () => {
    const p = plan();
    p.set('2.3.1', 'score', '=RUBRIC.SCORE_DEDUCT(2,1,0.5)');
    expect(brief(run(p).findings)).toEqual([]);
  });

  test('the above-max message says what is wrong, with the value, and what to do', () => {
    const p = plan();
    p.set('2.3.1', 'score', 2.5);
    const [f] = run(p).findings;
    expect(f.message).toContain('自评得分 2.5 超过该条款满分 2 分，请改为 0 到 2 之间的分值。');
    expect(f.message).toContain('2.3.1');
  });

  test('not-allowed lists the values the rule can give', () => {
    const p = plan();
    p.set('2.3.1', 'score', 1.3);
    const [f] = run(p).findings;
    expect(f.message).toContain('0、0.5、1、1.5、2');
  });

  test('points given without evidence → EVIDENCE_MISSING at the evidence cell', () => {
    const p = plan();
    p.set('1.4.1', 'evidence', null);
    expect(brief(run(p).findings)).toEqual([{ code: 'EVIDENCE_MISSING', cell: p.cell('1.4.1', 'evidence') }]);
  });

  test('points below the max without a reason → REASON_MISSING at the reason cell', () => {
    const p = plan();
    p.set('2.3.2', 'reason', '  ');
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'REASON_MISSING', cell: p.cell('2.3.2', 'reason') }]);
    expect(findings[0].message).toContain('扣 0.5 分');
  });

  test('a score of 0 needs no evidence but a reason', () => {
    const p = plan();
    p.set('2.1.1', 'score', 0);
    p.set('2.1.1', 'evidence', null);
    expect(brief(run(p).findings)).toEqual([{ code: 'REASON_MISSING', cell: p.cell('2.1.1', 'reason') }]);
  });

  test('a wrong stated total or subtotal → TOTAL_MISMATCH at that cell, with the computed value', () => {
    const p = plan();
    const scoreCol = p.col.score as number;
    p.grid[p.totalRow as number][scoreCol] = 96.5;
    p.grid[p.subtotalRow['2']][scoreCol] = 'abc';
    const result = run(p);
    expect(brief(result.findings)).toEqual([
      { code: 'TOTAL_MISMATCH', cell: toA1(p.subtotalRow['2'], scoreCol) },
      { code: 'TOTAL_MISMATCH', cell: toA1(p.totalRow as number, scoreCol) },
    ]);
    expect(result.findings[0].message).toContain('工作保障与管理');
    expect(result.findings[1].message).toContain('合计填写为 96.5，按各条款得分计算应为 95。');
  });

  test('scores are summed in exact decimals', () => {
    const p = plan();
    // 4.2.1 and 4.2.2 lose 0.1 and 0.2 more than the default: 95 − 0.3.
    p.set('4.2.1', 'score', 0.8);
    p.set('4.2.2', 'score', 0.7);
    p.set('4.2.2', 'reason', '发现 3 例低保对象未参保');
    const result = run(p);
    expect(brief(result.findings)).toEqual([]);
    expect(result.scorecard.total.toString()).toBe('94.7');
  });

  test('an Excel SUM with float noise in the total cell is not a mismatch', () => {
    const p = plan();
    p.grid[p.totalRow as number][p.col.score as number] = 95.00000000000001;
    expect(brief(run(p).findings)).toEqual([]);
  });

  test('a row whose clause number is wrong: UNKNOWN_ROW there and CLAUSE_MISSING at the item name', () => {
    // Without totals: a stated total would count the row's point, which no clause can take, and differ too.
    const p = buildSheet(rubric, { grandTotal: false });
    p.set('2.8.3', 'rule', '9、按时发放救助资金（1分）');
    expect(brief(run(p).findings)).toEqual([
      { code: 'CLAUSE_MISSING', cell: toA1(p.itemRow['2.8'], p.col.item as number) },
      { code: 'UNKNOWN_ROW', cell: p.cell('2.8.3', 'rule') },
    ]);
  });

  test('an item absent entirely → one CLAUSE_MISSING at the header row', () => {
    const p = buildSheet(rubric, { omitItems: ['4.5'] });
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'CLAUSE_MISSING', cell: toA1(p.headerRow, p.col.item as number) }]);
    expect(findings[0].message).toContain('就业救助');
  });

  test('a row for something not in the rubric → UNKNOWN_ROW warning at its item cell', () => {
    const p = plan();
    const at = p.insertRow(p.rowOf['5.2.2'] + 1, { item: '社会救助宣传工作', rule: '1、开展宣传活动（1分）', score: 1 });
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'UNKNOWN_ROW', cell: toA1(at, p.col.item as number) }]);
    expect(findings[0].severity).toBe('warning');
  });

  test('a clause scored on two rows → a warning on the second', () => {
    const p = plan();
    const at = p.insertRow(p.rowOf['2.1.2'] + 1, { rule: '2、重复的一行（1分）', score: 1, evidence: '会议记录' });
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'UNKNOWN_ROW', cell: toA1(at, p.col.score as number) }]);
    expect(findings[0].message).toContain('2.1.2');
  });

  test('a mobile number in a cell → PII_PHONE warning there, masked in the message', () => {
    const p = plan();
    p.set('1.4.1', 'evidence', '慰问名单（联系人 13812345678）');
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'PII_PHONE', cell: p.cell('1.4.1', 'evidence') }]);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain('138****5678');
    expect(findings[0].message).not.toContain('13812345678');
  });

  test('several defects come back sorted by row then column', () => {
    const p = plan();
    p.set('3.1.1', 'score', 3);
    p.set('1.4.1', 'evidence', null);
    p.set('1.3.1', 'score', 'x');
    const cells = run(p).findings.map((f) => f.cell);
    expect(cells).toEqual([p.cell('1.3.1', 'score'), p.cell('1.4.1', 'evidence'), p.cell('3.1.1', 'score')]);
  });

  test('messages come in English when asked', () => {
    const p = plan();
    p.set('2.3.1', 'score', 2.5);
    const [f] = run(p, 'en').findings;
    expect(f.message).toBe('Clause 2.3.1 (规范工作流程, no. 1): the score 2.5 is above the clause maximum of 2. Enter a score from 0 to 2.');
  });
});

describe('layout 2: items collapsed into one row', () => {
  const plan = () => buildSheet(rubric, { layout: 'one-row-items' });

  test('an item score no sum of its clause scores can make → SCORE_NOT_ALLOWED', () => {
    const p = plan();
    // 规范工作流程: two 2-point clauses at −0.5 per case and a 1+1 composite: only multiples of 0.5.
    p.set('2.3.1', 'score', 5.3);
    expect(brief(run(p).findings)).toEqual([{ code: 'SCORE_NOT_ALLOWED', cell: p.cell('2.3.1', 'score') }]);
  });

  test('an item score above the item max → SCORE_ABOVE_MAX naming the item', () => {
    const p = plan();
    p.set('2.3.1', 'score', 7);
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'SCORE_ABOVE_MAX', cell: p.cell('2.3.1', 'score') }]);
    expect(findings[0].message).toContain('超过该评价内容满分 6 分');
  });

  test('a one-row 加分项 above its item 分值 of 5 → SCORE_ABOVE_MAX, though its clauses are 5 each', () => {
    const p = plan();
    p.set('6.1.1', 'score', 6);
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'SCORE_ABOVE_MAX', cell: p.cell('6.1.1', 'score') }]);
    expect(findings[0].message).toContain('满分 5 分');
  });

  test('a one-row 扣分项 beyond −5 → SCORE_ABOVE_MAX; within it, nothing', () => {
    const p = plan();
    p.set('7.1.1', 'score', -6);
    expect(brief(run(p).findings)).toEqual([{ code: 'SCORE_ABOVE_MAX', cell: p.cell('7.1.1', 'score') }]);
    p.set('7.1.1', 'score', -5);
    expect(brief(run(p).findings)).toEqual([]);
  });

  test('below the item max without a reason → REASON_MISSING at the reason cell', () => {
    const p = plan();
    p.set('3.4.1', 'reason', null);
    expect(brief(run(p).findings)).toEqual([{ code: 'REASON_MISSING', cell: p.cell('3.4.1', 'reason') }]);
  });

  test('full marks for the item need no reason', () => {
    const p = plan();
    p.set('1.1.1', 'reason', null);
    expect(brief(run(p).findings)).toEqual([]);
  });

  test('a one-row cell that leaves out a clause → CLAUSE_MISSING for that clause at the item name', () => {
    const p = plan();
    const item = rubric.categories[0].items[0];
    p.set('1.1.1', 'rule', item.clauses[0].text);
    p.set('1.1.1', 'score', 5);
    expect(brief(run(p).findings)).toEqual([{ code: 'CLAUSE_MISSING', cell: p.cell('1.1.1', 'item') }]);
    expect(run(p).findings[0].clauseId).toBe('1.1.2');
  });
});

describe('layout 3: reordered and renamed columns under title rows', () => {
  const plan = () => buildSheet(rubric, { columns: REORDERED, titleRows: 3 });

  test('scores are read from 得分, never from 区级评审得分', () => {
    const p = plan();
    p.set('2.2.1', 'score', 2.5);
    expect(brief(run(p).findings)).toEqual([{ code: 'SCORE_ABOVE_MAX', cell: p.cell('2.2.1', 'score') }]);
    expect(p.cell('2.2.1', 'score').startsWith('F')).toBe(true);
  });

  test('evidence and reason go to 证明材料 and 扣分原因', () => {
    const p = plan();
    p.set('1.4.1', 'evidence', null);
    p.set('2.3.2', 'reason', null);
    const cells = brief(run(p).findings);
    expect(cells).toEqual([
      { code: 'EVIDENCE_MISSING', cell: p.cell('1.4.1', 'evidence') },
      { code: 'REASON_MISSING', cell: p.cell('2.3.2', 'reason') },
    ]);
    expect(cells.map((c) => c.cell[0])).toEqual(['G', 'H']);
  });

  test('an 身份证号 in 备注 → PII_ID_NUMBER there, masked', () => {
    const p = plan();
    const remark = p.colOf('备注');
    const row = p.rowOf['3.1.2'];
    p.grid[row][remark] = '户主 11010519491231002X 已核对';
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'PII_ID_NUMBER', cell: toA1(row, remark) }]);
    expect(findings[0].message).toContain('110105********002X');
  });
});

describe('layout 4: bonus, penalty and veto', () => {
  const plan = (veto: 'own-category' | 'in-penalty' = 'own-category') => buildSheet(rubric, { veto });

  test.each(['是', '√', '有', true] as const)('一票否决 marked %p → VETO at that cell, grade 不合格', (mark) => {
    for (const veto of ['own-category', 'in-penalty'] as const) {
      const p = plan(veto);
      p.set('7.1.3', 'score', mark);
      const result = run(p);
      expect(brief(result.findings)).toEqual([{ code: 'VETO', cell: p.cell('7.1.3', 'score') }]);
      expect(result.scorecard.veto).toBe(true);
      expect(result.scorecard.grade).toBe('不合格');
      expect(result.findings[0].message).toContain('不合格');
    }
  });

  test.each(['否', '×', false, null] as const)('一票否决 marked %p needs nothing', (mark) => {
    const p = plan();
    p.set('7.1.3', 'score', mark);
    const result = run(p);
    expect(brief(result.findings)).toEqual([]);
    expect(result.scorecard.grade).toBe('优秀');
  });

  test('一票否决 with something other than 是/否 → SCORE_NOT_NUMBER', () => {
    const p = plan();
    p.set('7.1.3', 'score', '待定');
    expect(brief(run(p).findings)).toEqual([{ code: 'SCORE_NOT_NUMBER', cell: p.cell('7.1.3', 'score') }]);
  });

  test('bonus rows adding up above +5 → BONUS_CAP_EXCEEDED at each bonus score cell', () => {
    const p = plan();
    p.set('6.1.1', 'score', 3);
    p.set('6.1.2', 'score', 3);
    p.set('6.1.2', 'evidence', '表彰文件');
    const result = run(p);
    expect(brief(result.findings)).toEqual([
      { code: 'BONUS_CAP_EXCEEDED', cell: p.cell('6.1.1', 'score') },
      { code: 'BONUS_CAP_EXCEEDED', cell: p.cell('6.1.2', 'score') },
    ]);
    expect(result.findings[0].message).toContain('6');
    // The cap still applies to the score: 93 base-and-penalty + 5.
    expect(result.scorecard.bonus.toString()).toBe('5');
    expect(result.scorecard.total.toString()).toBe('98');
  });

  test('a bonus below the cap needs no reason, but needs evidence', () => {
    const p = plan();
    p.set('6.1.1', 'evidence', null);
    expect(brief(run(p).findings)).toEqual([{ code: 'EVIDENCE_MISSING', cell: p.cell('6.1.1', 'evidence') }]);
  });

  test('a negative bonus → SCORE_NEGATIVE', () => {
    const p = plan();
    p.set('6.1.1', 'score', -1);
    expect(brief(run(p).findings)).toEqual([{ code: 'SCORE_NEGATIVE', cell: p.cell('6.1.1', 'score') }]);
  });

  test('a positive number on a penalty row → SCORE_NOT_ALLOWED saying to enter −2', () => {
    const p = plan();
    p.set('7.1.1', 'score', 2);
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'SCORE_NOT_ALLOWED', cell: p.cell('7.1.1', 'score') }]);
    expect(findings[0].message).toContain('-2');
  });

  test('a deduction the penalty cases cannot make → SCORE_NOT_ALLOWED', () => {
    const p = plan();
    p.set('7.1.1', 'score', -1.5);
    const findings = run(p).findings;
    expect(brief(findings)).toEqual([{ code: 'SCORE_NOT_ALLOWED', cell: p.cell('7.1.1', 'score') }]);
    expect(findings[0].message).toContain('-2');
  });

  test('penalty rows below −5 together → PENALTY_FLOOR_EXCEEDED at each penalty score cell', () => {
    const p = plan();
    p.set('7.1.1', 'score', -4);
    p.set('7.1.2', 'score', -3);
    p.set('7.1.2', 'evidence', '事件记录');
    const result = run(p);
    expect(brief(result.findings)).toEqual([
      { code: 'PENALTY_FLOOR_EXCEEDED', cell: p.cell('7.1.1', 'score') },
      { code: 'PENALTY_FLOOR_EXCEEDED', cell: p.cell('7.1.2', 'score') },
    ]);
    expect(result.scorecard.penalty.toString()).toBe('-5');
  });

  test('a deduction without evidence → EVIDENCE_MISSING; a penalty row at 0 or empty needs nothing', () => {
    const p = plan();
    p.set('7.1.1', 'evidence', null);
    p.set('7.1.2', 'score', null);
    expect(brief(run(p).findings)).toEqual([{ code: 'EVIDENCE_MISSING', cell: p.cell('7.1.1', 'evidence') }]);
  });

  test('不适用 on the clause that allows it awards its max under award-max', () => {
    const p = plan();
    expect(p.get('3.2.5', 'score')).toBe('不适用');
    const result = run(p);
    expect(brief(result.findings)).toEqual([]);
    const item = result.scorecard.categories.find((c) => c.id === '3')?.items.find((i) => i.id === '3.2');
    expect(item?.score.toString()).toBe('5.8'); // 6 less one 0.2 case on 3.2.1, with 3.2.5 awarded 0.5
  });
});

describe('injected checks', () => {
  test('findings from an extra check are merged in row order', () => {
    const p = buildSheet(rubric);
    p.set('1.2.1', 'score', null);
    const stale: SheetCheck = (ctx) => [
      { code: 'FORMULA_STALE', severity: 'warning', sheet: ctx.sheet.name, cell: p.cell('1.1.1', 'score'), message: 'stale' },
    ];
    const result = validateSheet(p.sheet(), rubric, { extraChecks: [stale] });
    expect(brief(result.findings)).toEqual([
      { code: 'FORMULA_STALE', cell: p.cell('1.1.1', 'score') },
      { code: 'SCORE_MISSING', cell: p.cell('1.2.1', 'score') },
    ]);
  });

  test('every finding names the sheet', () => {
    const p = buildSheet(rubric);
    p.set('1.2.1', 'score', null);
    const result = validateSheet(p.sheet('江苏路街道'), rubric);
    expect(result.findings.map((f) => f.sheet)).toEqual(['江苏路街道']);
    expect(result.sheet).toBe('江苏路街道');
    expect(result.rubricId).toBe('changning-2023');
  });
});
