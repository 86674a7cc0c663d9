/**
 * A shared formula as Excel shows it in each cell of its range: the master's text with every relative
 * reference moved by the cell's offset from the master (`$`-anchored parts stay). Strings, sheet-name
 * quotes and function names are left alone.
 */
import { columnLetters } from '../engine/sheet/sheet-model';

const colNumber = (letters: string) => letters.toUpperCase().split('').reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);

// A cell reference not preceded by a name character and not followed by one, "(" (a function like LOG10) or "!".
const REF = /(^|[^A-Za-z0-9_.$'\]])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

export function translateFormula(formula: string, rowOffset: number, colOffset: number): string {
  if (rowOffset === 0 && colOffset === 0) return formula;
  // Only the parts outside string literals ("…") are references.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) => (i % 2 === 1 ? piece : shift(piece, rowOffset, colOffset)))
    .join('');
}

function shift(text: string, rowOffset: number, colOffset: number): string {
  return text.replace(REF, (whole, before: string, colAbs: string, col: string, rowAbs: string, row: string) => {
    const c = colAbs ? colNumber(col) : colNumber(col) + colOffset;
    const r = rowAbs ? Number(row) : Number(row) + rowOffset;
    if (c < 1 || r < 1 || c > 16384) return `${before}#REF!`;
    return `${before}${colAbs}${colAbs ? col : columnLetters(c - 1)}${rowAbs}${r}`;
  });
}
