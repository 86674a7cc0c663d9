/**
 * The chosen workbooks → the district comparison, in the browser: each file's bytes go through the same
 * check as `rubric-check compare` (check-sheet-bytes.ts, the streaming reader) and the same engine
 * (engine/compare). A file that cannot be read is kept in the comparison with its Chinese error.
 */
import { compareSheets, type CompareInput, type Comparison, type UnreadableInput } from '../../../engine/compare/compare';
import { CLAUSE_SHEET, SUMMARY_SHEET, summarySheets } from '../../../engine/compare/summary-spec';
import type { Rubric } from '../../../engine/rubric-types';
import type { ComparisonInsert } from '../../../host/workbook-host';
import { checkSheetBytes } from '../../../cli/xlsx/check-sheet-bytes';
import type { ChosenFile, CompareProgress } from './compare-types';

export async function compareFiles(files: readonly ChosenFile[], rubric: Rubric, onProgress?: (p: CompareProgress) => void): Promise<Comparison> {
  const inputs: CompareInput[] = [];
  const unreadable: UnreadableInput[] = [];
  for (const [i, f] of files.entries()) {
    onProgress?.({ index: i + 1, count: files.length, file: f.name });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await f.arrayBuffer());
    } catch (err) {
      unreadable.push({ file: f.name, error: `无法读取该文件：${(err as Error)?.message ?? String(err)}` });
      continue;
    }
    const checked = await checkSheetBytes(bytes, f.name, { rubric });
    if (!checked.ok) {
      unreadable.push({ file: f.name, error: checked.error.localized('zh') });
      continue;
    }
    for (const s of checked.sheets) inputs.push({ file: f.name, sheet: s.sheet, result: s.result, stamp: s.stamp });
    for (const x of checked.failed) unreadable.push({ file: f.name, sheet: x.sheet, error: x.error.localized('zh') });
  }
  return compareSheets(rubric, inputs, unreadable);
}

/** The 汇总 and 条款对比 sheets, with the ranking chart drawn from 汇总's 街镇 and 最终得分 columns. */
export function comparisonInsert(c: Comparison, year?: number | string): ComparisonInsert {
  const sheets = summarySheets(c, year).filter((s) => s.name === SUMMARY_SHEET || s.name === CLAUSE_SHEET);
  const header = sheets[0].header;
  return { sheets, chart: { labelColumn: header.indexOf('街镇'), valueColumn: header.indexOf('最终得分'), title: '总分排名' } };
}
