/**
 * The note a marked cell gets: the same words from the CLI's annotated copy, the playground's download
 * and Excel. A heading that says who wrote it, then one line per finding, each starting with its
 * severity word. Finding codes stay out of the note: they are for scripts (JSON), not for the person
 * reading the sentence.
 */
import { t, type Locale } from '../messages';
import type { Finding } from './finding';
import { severityWord } from './issue-list';

/** The author written on notes in files we produce (Excel on its own signs notes with the user's name). */
export const NOTE_AUTHOR = '评分助手';

export const noteHeading = (locale: Locale = 'zh-CN'): string => t('note.heading', {}, locale);

/** One line of a note: 「错误：…」. */
export const noteLine = (finding: Pick<Finding, 'severity' | 'message'>, locale: Locale = 'zh-CN'): string =>
  t('note.line', { severity: severityWord(finding.severity, locale), message: finding.message }, locale);

export function noteText(findings: readonly Pick<Finding, 'severity' | 'message'>[], locale: Locale = 'zh-CN'): string {
  return [noteHeading(locale), ...findings.map((f) => noteLine(f, locale))].join('\n');
}
