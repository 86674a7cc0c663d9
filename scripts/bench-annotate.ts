/**
 * `npm run bench` section for issue 12: writing the annotated copy of the 江苏路 example. The package
 * patch (src/xlsx/annotate, what the CLI and the playground use) against the former way, an ExcelJS
 * load, fill + note per marked cell, and save — kept here only to measure the ratio, in the same run.
 */
import { readFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import type ExcelJS from 'exceljs';
import { EXAMPLE, median, timeRuns, type BenchSection } from './bench-util';
import { loadRubricFile } from '../src/cli/rubric-file';
import { checkWorkbook } from '../src/cli/xlsx/check-workbook';
import { annotateWorkbook, SEVERITY_FILL } from '../src/cli/xlsx/annotate-workbook';
import { newWorkbook } from '../src/cli/xlsx/exceljs';
import type { Finding } from '../src/engine/validate/finding';

const round = (ms: number, digits = 1) => Number(ms.toFixed(digits));

/** The annotated copy as the CLI wrote it before issue 12: the whole workbook re-written by ExcelJS. */
async function exceljsCopy(bytes: Buffer, sheet: string, findings: readonly Finding[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet)!;
  for (const f of findings) {
    if (!/^[A-Z]{1,3}\d+$/.test(f.cell)) continue;
    const cell = ws.getCell(ws.getCell(f.cell).master.address);
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[f.severity] } } };
    cell.note = `评分助手检查结果：\n${f.code}：${f.message}`;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const annotateSection: BenchSection = {
  name: 'annotated copy (issue 12)',
  about:
    'median time to make the annotated copy of the 江苏路 example in memory: the package patch (fills, notes, 问题清单) vs the former ' +
    'ExcelJS load-and-save of the whole workbook, same run; parts the copy changes or adds out of the parts it has',
  async run() {
    const checked = await checkWorkbook(EXAMPLE, { rubric: loadRubricFile(), locale: 'zh-CN', extraChecks: [] });
    if (!checked.ok) throw new Error(checked.error.message);
    const bytes = readFileSync(EXAMPLE);
    const { sheet, findings } = checked.result;
    const patchTimes = await timeRuns(() => annotateWorkbook(bytes, sheet, findings, 'zh'), 20, 3);
    const exceljsTimes = await timeRuns(() => exceljsCopy(bytes, sheet, findings), 10, 2);
    const before = unzipSync(bytes);
    const after = unzipSync(annotateWorkbook(bytes, sheet, findings, 'zh'));
    const changed = Object.keys(after).filter((n) => !before[n] || strFromU8(before[n]) !== strFromU8(after[n]));
    return {
      findings: findings.length,
      patchMedianMs: round(median(patchTimes)),
      exceljsMedianMs: round(median(exceljsTimes)),
      exceljsToPatchRatio: round(median(exceljsTimes) / median(patchTimes), 2),
      partsInPackage: Object.keys(before).length,
      partsChangedOrAdded: `${changed.length}: ${changed.join(', ')}`,
    };
  },
};
