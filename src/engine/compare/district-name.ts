/**
 * Which 街镇 a sheet belongs to: the 填报单位 line or the title above the table, else the file name.
 * Names end in 街道 or 镇 (Changning: nine 街道 and 新泾镇); a 上海市长宁区 before them is dropped.
 */
import { MergeIndex } from '../locate/merge-index';
import { cellText } from '../locate/normalise-text';
import type { SheetModel } from '../sheet/sheet-model';

const UNIT_LINE = /(?:填报单位|报送单位|单位名称|自评单位|被评单位|单位)\s*[:：]\s*([^\s,，;；]+)/;
const PLACE = /[\u4e00-\u9fff]{2,12}?(?:街道办事处|街道|镇人民政府|镇)/g;
/** What precedes the 街镇's own name in a title: the year, the city, the district, the rubric's words. */
const PREFIX = /^.*(?:年度|年|市|区|县|评价|标准|自评|指标|表|情况|工作|救助|绩效|的)/;
const GENERIC = /^(?:各|本|所在|全区|全)?(?:街镇|乡镇|街道|镇)$/;
/** Rows below the table that may hold 填报单位：… */
const FOOTER_ROWS = 10;

function placeIn(text: string): string | undefined {
  for (const m of text.normalize('NFKC').matchAll(PLACE)) {
    const name = m[0].replace(PREFIX, '').replace(/办事处$|人民政府$/, '');
    if (name.length >= 3 && !GENERIC.test(name) && !/街镇$/.test(name)) return name;
  }
  return undefined;
}

/** The 街镇 named in the sheet above the header row (or in the last rows), if any. */
export function nameFromSheet(sheet: SheetModel, headerRow: number): string | undefined {
  const merges = new MergeIndex(sheet);
  const rows = [
    ...Array.from({ length: headerRow }, (_, r) => r),
    ...Array.from({ length: FOOTER_ROWS }, (_, i) => sheet.rowCount - FOOTER_ROWS + i).filter((r) => r > headerRow),
  ];
  const texts = rows.flatMap((r) => Array.from({ length: sheet.colCount }, (_, c) => cellText(merges.own(r, c)).trim()).filter(Boolean));
  for (const text of texts) {
    const unit = UNIT_LINE.exec(text.normalize('NFKC'));
    if (unit) return placeIn(unit[1]) ?? unit[1].replace(PREFIX, '');
  }
  for (const text of texts) {
    const place = placeIn(text);
    if (place) return place;
  }
  return undefined;
}

/** 江苏路街道-2023-自评表.xlsx → 江苏路街道; a file name naming no 街镇 is used as it is, less its extension. */
export function nameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]+$/, '');
  return placeIn(stem) ?? stem;
}

export const districtName = (sheet: SheetModel, headerRow: number, file: string): string => nameFromSheet(sheet, headerRow) ?? nameFromFile(file);
