/**
 * A 评分细则 split into two columns (序号 | 内容) under one merged header: read as one column, so
 * `1` in the first and the clause text in the second make `1、…` as on the printed rubric.
 */
import type { MergeIndex } from './merge-index';
import { cellText } from './normalise-text';
import type { FoundHeader } from './types';

/** The last column of the rule header's horizontal merge (in the header row or the row above), if it spans several. */
export function ruleLastColumn(merges: MergeIndex, header: FoundHeader): number | undefined {
  const first = header.columns.rule;
  if (first === undefined) return undefined;
  // Never into another role's column: a merge wider than the rule block is a title, not a split header.
  const nextRole = Math.min(
    ...Object.values(header.columns).filter((c): c is number => c !== undefined && c > first),
    Number.MAX_SAFE_INTEGER,
  );
  for (const row of [header.headerRow, header.headerRow - 1]) {
    if (row < 0) continue;
    const m = merges.mergeAt(row, first);
    if (m && m.left === first && m.right > first && m.bottom >= row) {
      const last = Math.min(m.right, nextRole - 1);
      return last > first ? last : undefined;
    }
  }
  return undefined;
}

/** A bare number (1, 1.0, ２) in the 序号 part: the clause number, written as the rubric writes it. */
const BARE_NUMBER = /^[0-9０-９]{1,2}(?:[.．]0)?$/;

/**
 * The rule text of one row across the rule columns: a bare number in the first becomes `1、`, the
 * parts are joined as one text. `part(col)` is the row's own text in that column ('' when none).
 */
export function joinRuleParts(first: number, last: number, part: (col: number) => string): string {
  const texts: string[] = [];
  for (let col = first; col <= last; col++) {
    const text = part(col);
    if (text) texts.push(texts.length === 0 && col < last && BARE_NUMBER.test(text) ? `${text.replace(/[.．]0$/, '')}、` : text);
  }
  return texts.join('');
}

export const ownText = (merges: MergeIndex, row: number, col: number): string =>
  merges.anchor(row, col).row === row ? cellText(merges.visible(row, col)).trim() : '';
