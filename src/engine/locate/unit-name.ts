/**
 * Which 街镇 a sheet is from, as the sheet itself says above the table: a 「街镇：」/「填报单位：」 field
 * (its value in the same cell or the next filled cell to the right), else the title. The district
 * reviewer reads ten files whose names are often just 自评表.xlsx; this is what tells them apart.
 */
import { visibleValue, type SheetModel } from '../sheet/sheet-model';

const FIELD_LABEL = /^\s*(?:街镇|街道|单位|填报单位|报送单位|自评单位)\s*[：:]\s*/;
/** 「长宁区江苏路街道社区服务办公室」 → 江苏路街道; a district prefix is dropped, the 街道/镇 kept. */
const TOWN = /(?:[\u4e00-\u9fa5]{2,4}区)?([\u4e00-\u9fa5]{2,6}?(?:街道|镇))/;
/** Words that end like a name but are not one: 各街镇, 乡镇, 城镇. */
const NOT_A_NAME = /(?:街镇|乡镇|城镇|各.*)$/;
const OTHER_FIELD = /^[^：:]{1,8}[：:]/;
const MAX_ROWS_ABOVE = 10;

const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');

function townIn(s: string): string | undefined {
  const name = TOWN.exec(s)?.[1];
  return name && !NOT_A_NAME.test(name) ? name : undefined;
}

/** The value of a labelled field: the rest of its cell, or the next non-empty cell on the row. */
function fieldValue(sheet: SheetModel, row: number, col: number, rest: string): string {
  if (rest) return rest;
  for (let c = col + 1; c < sheet.colCount; c++) {
    const v = text(visibleValue(sheet, row, c));
    // The label's own merged range repeats the label; another field (填报日期：…) means this one is blank.
    if (!v || FIELD_LABEL.test(v)) continue;
    return OTHER_FIELD.test(v) ? '' : v;
  }
  return '';
}

/** The 街镇 named above `headerRow` (0-based), or null when the sheet does not say. */
export function findUnitName(sheet: SheetModel, headerRow: number): string | null {
  const rows = Math.min(headerRow, MAX_ROWS_ABOVE);
  let fromTitle: string | undefined;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < sheet.colCount; col++) {
      const v = text(visibleValue(sheet, row, col));
      if (!v) continue;
      const label = FIELD_LABEL.exec(v);
      if (label) {
        const value = fieldValue(sheet, row, col, v.slice(label[0].length));
        const name = value && (townIn(value) ?? value.replace(/（.*?）|\(.*?\)/g, '').trim());
        if (name) return name;
      } else fromTitle ??= townIn(v);
    }
  }
  return fromTitle ?? null;
}
