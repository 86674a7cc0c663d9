/**
 * Hidden rows and columns from a real .xlsx, whatever reader the CLI and the playground use: the file
 * is built here (a cover sheet, then the staff sheet of tests/engine/validate/staff-sheet.ts with its
 * stale row hidden and last year's score column hidden — and a second file that hides them the other
 * way, at zero height and zero width), and the assertions are on what `validate` reports
 * through checkBytes and what the playground reads, never on a reader's internals. A new reader must
 * pass these unchanged.
 */
import ExcelJS from 'exceljs';
import { checkBytes } from '../../src/cli/xlsx/check-workbook';
import { toA1, type SheetModel } from '../../src/engine/sheet/sheet-model';
import { MemoryHost } from '../../src/playground/memory-host';
import { ZipPackage } from '../../src/xlsx/zip-package';
import { readXlsx } from '../../src/playground/xlsx-read';
import { bundledRubric } from '../cli/helpers';
import { buildStaffSheet, type StaffSheet } from '../engine/validate/staff-sheet';

type HideBy = 'flag' | 'zero-size';

async function staffWorkbook(staff: StaffSheet, hideBy: HideBy): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('封面');
  cover.getCell('A3').value = '2023年度社会救助绩效评价\n自评材料';
  cover.getCell('A6').value = '报送单位：江苏路街道';
  cover.getCell('A7').value = '报送日期：2024年1月10日';
  const sheet: SheetModel = staff.sheet();
  const ws = wb.addWorksheet('自评表');
  for (let r = 0; r < sheet.rowCount; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      const v = sheet.cell(r, c)?.value;
      if (v !== undefined && v !== null && typeof v !== 'object') ws.getCell(toA1(r, c)).value = v;
    }
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (let c = 0; c < sheet.colCount; c++) ws.getColumn(c + 1).width = 14;
  for (const r of staff.hiddenRows) if (hideBy === 'flag') ws.getRow(r + 1).hidden = true;
  for (const c of staff.hiddenCols) if (hideBy === 'flag') ws.getColumn(c + 1).hidden = true;
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  if (hideBy === 'flag') return Buffer.from(written);
  // ExcelJS never writes a zero size, so the part is edited as another program (WPS, a script) writes it.
  const zip = ZipPackage.open(written);
  const part = 'xl/worksheets/sheet2.xml';
  let xml = zip.text(part) as string;
  for (const r of staff.hiddenRows) xml = xml.replace(`<row r="${r + 1}"`, `<row r="${r + 1}" ht="0" customHeight="1"`);
  const cols = Array.from({ length: sheet.colCount }, (_, c) => `<col min="${c + 1}" max="${c + 1}" width="${staff.hiddenCols.has(c) ? 0 : 14}" customWidth="1"/>`);
  xml = xml.replace(/<cols>.*?<\/cols>/, `<cols>${cols.join('')}</cols>`);
  expect(xml).toContain('ht="0"');
  expect(xml).toContain('width="0"');
  zip.write(part, xml);
  return Buffer.from(zip.toBytes());
}

describe.each(['flag', 'zero-size'] as const)('a staff workbook with rows and columns hidden (%s)', (hideBy) => {
  let staff: StaffSheet;
  let bytes: Buffer;
  beforeAll(async () => {
    staff = buildStaffSheet(bundledRubric());
    bytes = await staffWorkbook(staff, hideBy);
  });

  test('validate reads this year’s visible column and row, past the cover sheet: 95, two assumptions and the phone', async () => {
    const { result } = await checkBytes(bytes, 'staff.xlsx', { rubric: bundledRubric() });
    expect(result.sheet).toBe('自评表');
    expect(result.table.headerRow).toBe(staff.headerRow);
    expect(result.table.columns.score).toBe(staff.plan.col.score);
    expect(result.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ['LAYOUT_CHOICE', 'warning', toA1(staff.headerRow, staff.plan.col.score as number)],
      ['LAYOUT_CHOICE', 'warning', staff.plan.cell('2.3.1', 'score')],
      ['PII_PHONE', 'info', staff.contactCell],
    ]);
    expect(result.findings[0].message).toContain('F 列“自评得分（2022年）”');
    expect(result.findings[1].message).toContain(`忽略了隐藏的第 ${staff.staleRow + 1} 行`);
    expect(result.scorecard.total.toString()).toBe('95');
    expect(result.scorecard.grade).toBe('优秀');
  });

  test('the playground reads the same hidden rows and columns into the sheet it validates', async () => {
    const { book } = await readXlsx(bytes, 'staff.xlsx');
    const host = new MemoryHost({ ...book, active: '自评表' });
    const sheet = await host.readActiveSheet();
    // ExcelJS (the playground's reader) drops a row height of 0 as it loads (a falsy height means
    // "default"), so there a zero-height row counts only when also flagged hidden, as Excel writes it.
    expect([...(sheet.hiddenRows ?? [])]).toEqual(hideBy === 'flag' ? [...staff.hiddenRows] : []);
    expect([...(sheet.hiddenCols ?? [])]).toEqual([...staff.hiddenCols]);
  });
});
