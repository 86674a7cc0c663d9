/**
 * Which 街镇 a compared sheet belongs to: what the sheet itself says (findUnitName: the 街镇/填报单位
 * field or the title above the table), else the file name — the district's folder often holds files
 * named 江苏路街道-2023-自评表.xlsx.
 */
import { findUnitName } from '../locate/unit-name';
import type { SheetModel } from '../sheet/sheet-model';

const PLACE = /[\u4e00-\u9fff]{2,6}?(?:街道|镇)/;

/** 江苏路街道-2023-自评表.xlsx → 江苏路街道; a file name naming no 街镇 is used as it is, less its extension. */
export function nameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]+$/, '');
  const place = PLACE.exec(stem.normalize('NFKC'))?.[0];
  return place && !/街镇$|乡镇$/.test(place) ? place : stem;
}

export const districtName = (sheet: SheetModel, headerRow: number, file: string): string => findUnitName(sheet, headerRow) ?? nameFromFile(file);
