/**
 * The wording rules every catalogue keeps: one word per severity (错误 / 警告 / 提示), and no finding
 * code (SCORE_ABOVE_MAX, …) inside a sentence a person reads — in the engine's messages, the pane's,
 * the Excel adapter's, the playground's and every note.
 */
import { LOCALES } from '../../src/engine/messages';
import { en as engineEn } from '../../src/engine/messages/en';
import { zhCN as engineZh } from '../../src/engine/messages/zh-CN';
import type { Finding, Severity } from '../../src/engine/validate/finding';
import { issueListRows, severityWord } from '../../src/engine/validate/issue-list';
import { noteText } from '../../src/engine/validate/note-text';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { hostCatalogues } from '../../src/office/host-messages';
import { marksFromFindings } from '../../src/office/marks';
import { playgroundCatalogues } from '../../src/playground/playground-messages';
import { en as paneEn } from '../../src/taskpane/strings/en';
import { zhCN as paneZh } from '../../src/taskpane/strings/zh-CN';
import { loadBundled } from '../rubric/bundled';
import { buildSheet } from './validate/rubric-sheet';

/** A finding code or lint code: upper-case words joined by underscores. */
const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const ZH_WORDS = ['错误', '警告', '提示'];
/** Other words a writer might reach for, which would make a second name for a severity. */
const OTHER_ZH_WORDS = /提醒|告警|注意事项|信息级/;

const catalogues: [string, Readonly<Record<string, string>>][] = [
  ['engine zh-CN', engineZh],
  ['engine en', engineEn],
  ['pane zh-CN', paneZh],
  ['pane en', paneEn],
  ['Excel adapter zh-CN', hostCatalogues['zh-CN']],
  ['Excel adapter en', hostCatalogues.en],
  ['playground zh-CN', playgroundCatalogues['zh-CN']],
  ['playground en', playgroundCatalogues.en],
];
const zhCatalogues = catalogues.filter(([name]) => name.endsWith('zh-CN'));

describe('no code inside a sentence', () => {
  test.each(catalogues)('%s: no message text holds a code', (_name, catalogue) => {
    const offending = Object.entries(catalogue).filter(([, text]) => CODE.test(text));
    expect(offending).toEqual([]);
  });

  test('the findings of a sheet full of mistakes, and their notes, hold no code', () => {
    const rubric = loadBundled();
    const plan = buildSheet(rubric);
    plan.set('1.3.3', 'score', 9);
    plan.set('2.1.1', 'score', 0.33);
    plan.set('2.3.1', 'score', '两分');
    plan.set('3.3.1', 'evidence', '联系人 13812345678');
    for (const locale of LOCALES) {
      const { findings } = validateSheet(plan.sheet(), rubric, { locale });
      expect(findings.length).toBeGreaterThan(3);
      for (const f of findings) expect([f.code, f.message]).toEqual([f.code, expect.not.stringMatching(CODE)]);
      for (const mark of marksFromFindings(findings, locale)) expect(mark.note).not.toMatch(CODE);
    }
  });
});

describe('one word per severity', () => {
  test('the engine says 错误 / 警告 / 提示 and Error / Warning / Info', () => {
    expect(SEVERITIES.map((s) => severityWord(s))).toEqual(ZH_WORDS);
    expect(SEVERITIES.map((s) => severityWord(s, 'en'))).toEqual(['Error', 'Warning', 'Info']);
  });

  test.each(zhCatalogues)('%s uses no other word for a severity', (_name, catalogue) => {
    expect(Object.entries(catalogue).filter(([, text]) => OTHER_ZH_WORDS.test(text))).toEqual([]);
  });

  test('the pane headings start with the engine word, in both languages', () => {
    for (const s of SEVERITIES) {
      expect(paneZh[`severity.${s}`].startsWith(severityWord(s))).toBe(true);
      expect(paneEn[`severity.${s}`].startsWith(severityWord(s, 'en'))).toBe(true);
    }
  });

  const findings: Finding[] = SEVERITIES.map((severity, i) => ({
    code: 'SCORE_MISSING',
    severity,
    sheet: 's',
    cell: `B${i + 2}`,
    message: `消息 ${i}`,
  }));

  test('notes and the 问题清单 use the same words as the engine', () => {
    expect(noteText(findings).split('\n')).toEqual(['评分助手：', '错误：消息 0', '警告：消息 1', '提示：消息 2']);
    expect(noteText(findings, 'en').split('\n')).toEqual(['Rubric Check:', 'Error: 消息 0', 'Warning: 消息 1', 'Info: 消息 2']);
    expect(issueListRows(findings).map((r) => r.severityWord)).toEqual(ZH_WORDS);
  });

  test('Excel and the playground write exactly the shared note', () => {
    const marks = marksFromFindings(findings, 'zh-CN');
    expect(marks.map((m) => m.note)).toEqual(findings.map((f) => noteText([f])));
  });
});
