/**
 * The workbook the browser test opens: the clean example (the template spec filled in correctly, from
 * scripts/make-example.ts) with four known defects planted and the user's own fills and notes on
 * marked and unmarked cells, so the test can check that exactly these cells are marked and that
 * 「清除标记」 gives every colour back.
 */
import ExcelJS from 'exceljs';
import { dec } from '../../src/engine/decimal';
import type { Clause, Rubric } from '../../src/engine/rubric-types';
import { isAllowed } from '../../src/engine/rules';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import type { FindingCode, Severity } from '../../src/engine/validate/finding';
import { cleanWorkbook } from '../../scripts/make-example';
import { XINHUALU } from '../../scripts/make-example-data';

export interface PlantedDefect {
  code: FindingCode;
  severity: Severity;
  /** The clause the finding names; personal data is found anywhere and names none. */
  clauseId?: string;
}

export interface PlantedWorkbook {
  bytes: Buffer;
  sheet: string;
  /** A1 address → the one finding planted there. */
  planted: Map<string, PlantedDefect>;
  /** A1 address → the user's own fill (#RRGGBB), on marked and unmarked cells alike. */
  userFills: Map<string, string>;
  /** A1 address → the user's own note. */
  userNotes: Map<string, string>;
}

const argb = (hex: string) => `FF${hex.slice(1)}`;

export async function plantedWorkbook(rubric: Rubric): Promise<PlantedWorkbook> {
  const spec = buildTemplateSpec(rubric);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await cleanWorkbook(rubric)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(spec.sheetName)!;
  const col = (key: string) => spec.columns.findIndex((c) => c.key === key);
  const letter = (key: string) => String.fromCharCode(65 + col(key));
  const rowOf = new Map(spec.cells.filter((c) => c.clauseId).map((c) => [c.clauseId as string, Number(/\d+$/.exec(c.address)![0])]));

  // Base clauses the clean example scores at full marks with evidence: defects there have one cause only.
  const candidates: Clause[] = rubric.categories
    .filter((c) => c.kind === 'base')
    .flatMap((c) => c.items.flatMap((i) => i.clauses))
    .filter((c) => !(c.id in XINHUALU) && c.rule.kind !== 'veto');
  const take = (pred: (c: Clause) => boolean): Clause => {
    const i = candidates.findIndex(pred);
    if (i < 0) throw new Error('planted workbook: no clause fits');
    return candidates.splice(i, 1)[0];
  };
  const above = take(() => true);
  const noEvidence = take(() => true);
  const noReason = take((c) => c.rule.kind === 'discretionary' && c.max >= 1 && isAllowed(c.rule, c.max, rubric.resolution, dec(c.max).minus(0.5)));
  const phone = take(() => true);

  const planted = new Map<string, PlantedDefect>();
  const at = (key: string, clause: Clause) => `${letter(key)}${rowOf.get(clause.id)}`;

  ws.getCell(at('score', above)).value = above.max + 1;
  planted.set(at('score', above), { code: 'SCORE_ABOVE_MAX', severity: 'error', clauseId: above.id });

  ws.getCell(at('evidence', noEvidence)).value = null;
  planted.set(at('evidence', noEvidence), { code: 'EVIDENCE_MISSING', severity: 'error', clauseId: noEvidence.id });

  ws.getCell(at('score', noReason)).value = noReason.max - 0.5;
  ws.getCell(at('reason', noReason)).value = null;
  planted.set(at('reason', noReason), { code: 'REASON_MISSING', severity: 'error', clauseId: noReason.id });

  const evidence = ws.getCell(at('evidence', phone));
  evidence.value = `${String(evidence.value ?? '')}（联系人 13912345678）`;
  planted.set(at('evidence', phone), { code: 'PII_PHONE', severity: 'warning' });

  // The user's own colours and notes: on cells that will be marked and on cells that will not.
  const userFills = new Map<string, string>([
    [at('evidence', noEvidence), '#FFF2CC'],
    [at('score', above), '#E2EFDA'],
    [at('score', phone), '#FCE4D6'],
    ['H5', '#D9D9D9'],
  ]);
  const userNotes = new Map<string, string>([
    [at('score', above), '复核：原件已核对'],
    [at('reason', noReason), '待街道补充说明'],
  ]);
  for (const [a, hex] of userFills) {
    // Loaded cells share style objects in ExcelJS: give each its own before changing its fill.
    const cell = ws.getCell(a);
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } } };
  }
  for (const [a, text] of userNotes) ws.getCell(a).note = text;

  // The 合计 formula computes in the playground; its cached result would be stale after planting.
  const total = ws.getCell(spec.totalCell!);
  total.value = { formula: (total.value as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;

  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), sheet: spec.sheetName, planted, userFills, userNotes };
}
