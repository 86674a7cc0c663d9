/**
 * Personal data in a sheet that is submitted and published: a checksum-valid 18-digit 身份证号
 * (GB 11643-1999) or an 11-digit mainland mobile number, with no digit right before or after.
 */
import type { SheetModel } from '../sheet/sheet-model';

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
