/**
 * Personal data in a sheet that is submitted and published: a checksum-valid 18-digit 身份证号
 * (GB 11643-1999) or an 11-digit mainland mobile number, with no digit right before or after.
 *
 * How much each matters: a recipient's ID number must never leave the office, wherever it sits (hidden
 * rows included: they ship with the file) — an error, so the sheet is not submitted. A mobile number in
 * the table body is most likely a recipient's or a contact's in the evidence — a warning. The 填报人 /
 * 联系电话 line under or above the table is the preparer's own, expected on the form — an info.
 */
import type { LocatedTable } from '../locate/types';
import { cellText } from '../locate/normalise-text';
import type { SheetModel } from '../sheet/sheet-model';
import type { FindingList } from './finding-list';

const ID_NUMBER = /(?<!\d)(\d{17}[\dXx])(?!\d)/g;
const MOBILE = /(?<!\d)(1[3-9]\d{9})(?!\d)/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The GB 11643 check character matches, and the birth date (digits 7–14) is a real date. */
export function isIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (CHECK_CHARS[sum % 11] !== id[17].toUpperCase()) return false;
  // A real date keeps a checksum-valid run of digits (1 in 11 by chance) from passing for an ID.
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const maskId = (id: string): string => `${id.slice(0, 6)}********${id.slice(14)}`;
export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(7)}`;

export interface PiiHit {
  row: number;
  col: number;
  kind: 'id' | 'phone';
  masked: string;
}

/** Every cell holding an ID number or a mobile number, one hit per kind per cell. */
export function findPii(sheet: SheetModel): PiiHit[] {
  const hits: PiiHit[] = [];
  for (let row = 0; row < sheet.rowCount; row++) {
    for (let col = 0; col < sheet.colCount; col++) {
      const v = sheet.cell(row, col)?.value;
      // A phone number typed as a number is an integer; an 18-digit ID as a number has lost its digits.
      const text = typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : '';
      if (text.length < 11) continue;
      const id = [...text.matchAll(ID_NUMBER)].map((m) => m[1]).find(isIdNumber);
      if (id) hits.push({ row, col, kind: 'id', masked: maskId(id) });
      const phone = [...text.matchAll(MOBILE)][0]?.[1];
      if (phone) hits.push({ row, col, kind: 'phone', masked: maskPhone(phone) });
    }
  }
  return hits;
}

/** Words that make a line outside the table the preparer's contact line. */
const CONTACT_LINE = /联系电话|联系方式|联系人|填报人|填表人|经办人|制表人|负责人|审核人|电话|手机/;

/** The rows of the table itself: from under the header to the last row scored or totalled. */
function bodyRows(table: LocatedTable): { first: number; last: number } {
  const rows = [...table.rows.map((r) => r.row), ...table.totalRows.map((r) => r.row), ...table.unknownRows, ...table.duplicateRows.map((r) => r.row)];
  return { first: table.headerRow + 1, last: rows.length > 0 ? Math.max(...rows) : table.headerRow };
}

function isContactLine(sheet: SheetModel, row: number): boolean {
  for (let col = 0; col < sheet.colCount; col++) {
    if (CONTACT_LINE.test(cellText(sheet.cell(row, col)?.value ?? null))) return true;
  }
  return false;
}

/** PII findings at their cells, graded by where they sit (see the module comment). */
export function reportPii(sheet: SheetModel, table: LocatedTable, out: FindingList): void {
  const body = bodyRows(table);
  for (const hit of findPii(sheet)) {
    const at = { row: hit.row, col: hit.col };
    if (hit.kind === 'id') {
      out.add('PII_ID_NUMBER', 'error', at, 'finding.PII_ID_NUMBER', { masked: hit.masked });
    } else if ((hit.row < body.first || hit.row > body.last) && isContactLine(sheet, hit.row)) {
      out.add('PII_PHONE', 'info', at, 'finding.PII_PHONE.contact', { masked: hit.masked });
    } else {
      out.add('PII_PHONE', 'warning', at, 'finding.PII_PHONE', { masked: hit.masked });
    }
  }
}
