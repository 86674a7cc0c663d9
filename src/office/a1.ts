/** A1 helpers for Office.js addresses, which come sheet-qualified ("'My Sheet'!A1:B2, Sheet1!C3"). */
import { fromA1, type MergeRange } from '../engine/sheet/sheet-model';

/** The address parts of a RangeAreas address, each without its sheet name: "A1:B2", "C3". */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < address.length) {
    while (address[i] === ',' || address[i] === ' ') i++;
    if (i >= address.length) break;
    let part = '';
    if (address[i] === "'") {
      // A quoted sheet name may itself hold commas and '!'; '' inside it is one quote.
      i++;
      while (i < address.length && !(address[i] === "'" && address[i + 1] !== "'")) i += address[i] === "'" ? 2 : 1;
      i++;
    }
    while (i < address.length && address[i] !== ',') part += address[i++];
    const bang = part.lastIndexOf('!');
    out.push((bang >= 0 ? part.slice(bang + 1) : part).trim());
  }
  return out.filter((p) => p !== '');
}

/** "A3:B7" → a 0-based inclusive range; a single cell "C3" is a 1×1 range. */
export function rangeOf(address: string): MergeRange {
  const [a, b = a] = address.split(':');
  const p = fromA1(a);
  const q = fromA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** The sheet name as a formula or address prefix: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!$E$14" → "E14" */
export const bareAddress = (address: string): string => address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
