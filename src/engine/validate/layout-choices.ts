/**
 * What the locator assumed where a layout was ambiguous, said once each: a role found in several header
 * columns (a hidden one, last year's 自评得分（2022年）, or simply a second score column), and a hidden
 * row passed over for a visible one scoring the same clauses. Warnings, never errors: nothing is wrong
 * if the assumption holds, and the message says how to check it.
 */
import type { LocatedTable } from '../locate/locate-table';
import type { MergeIndex } from '../locate/merge-index';
import { cellText } from '../locate/normalise-text';
import { t, type Locale } from '../messages';
import { columnLetters } from '../sheet/sheet-model';
import type { FindingList } from './finding-list';

const REASON_KEY = {
  hidden: 'finding.LAYOUT_CHOICE.hidden',
  'other-year': 'finding.LAYOUT_CHOICE.otherYear',
  second: 'finding.LAYOUT_CHOICE.second',
} as const;

const SHOWN_TEXT = 20;

export function reportLayoutChoices(table: LocatedTable, merges: MergeIndex, locale: Locale, out: FindingList): void {
  const sep = t('finding.list.separator', {}, locale);
  const headerText = (col: number) => {
    const text = cellText(merges.visible(table.headerRow, col)).replace(/\s+/g, ' ').trim();
    return text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT)}…` : text;
  };
  const byRole = new Map<string, { used: number; parts: string[] }>();
  for (const c of table.ignoredColumns ?? []) {
    const entry = byRole.get(c.role) ?? { used: c.used, parts: [] };
    entry.parts.push(t(REASON_KEY[c.reason], { col: columnLetters(c.ignored), text: headerText(c.ignored) }, locale));
    byRole.set(c.role, entry);
  }
  for (const [role, { used, parts }] of byRole) {
    out.add('LAYOUT_CHOICE', 'warning', merges.anchor(table.headerRow, used), 'finding.LAYOUT_CHOICE.column', {
      role: t(`locate.role.${role as 'score'}`, {}, locale),
      used: columnLetters(used),
      usedText: headerText(used),
      ignored: parts.join(sep),
    });
  }
  const scoreCol = table.columns.score as number;
  for (const r of table.ignoredRows ?? []) {
    out.add(
      'LAYOUT_CHOICE',
      'warning',
      merges.anchor(r.used, scoreCol),
      'finding.LAYOUT_CHOICE.row',
      { hidden: r.row + 1, used: r.used + 1, ids: r.clauseIds.join(sep) },
      r.clauseIds[0],
    );
  }
}
