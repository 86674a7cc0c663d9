/**
 * `validate`'s text output: per file its 街镇, figures and findings as aligned columns, then for a batch
 * a summary that names every file with errors and how many, and every file that could not be read.
 * Severity words and score wording come from the engine, so the terminal says what the pane says.
 */
import { dec } from '../engine/decimal';
import type { CategoryKind } from '../engine/rubric-types';
import type { StampStatus } from '../engine/stamp/stamp';
import { categoryScoreText } from '../engine/score-text';
import { severityWord } from '../engine/validate/issue-list';
import type { CliIO } from './io';
import { isUnreadable, LOCALE, type FileReport, type FileReportOk } from './validate-report';
import type { CliLang } from './xlsx/read-errors';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** Rows of cells as aligned columns; the last column is left ragged. */
function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd());
}

const T = {
  zh: {
    sheet: '工作表',
    total: '总分',
    grade: '等第',
    veto: '（一票否决）',
    provisional: (n: number) => `（改正 ${n} 处错误后）`,
    category: '分类',
    score: '得分 / 上限',
    severity: '级别',
    cell: '单元格',
    clause: '条款',
    message: '说明',
    count: (e: number, w: number, i: number) => `${e} 个错误，${w} 个警告，${i} 个提示`,
    errors: (e: number) => `${e} 个错误`,
    none: '未发现问题。',
    unreadable: '无法读取',
    annotated: '标注副本',
    reviewed: (t: number, g: string, d: number) => `复核总分 ${t}  复核等第 ${g}  与自评不同的条款 ${d} 处`,
    notReviewed: '复核得分列为空：尚未复核。',
    stamp: '校验印记',
    stamped: '已写入',
    stampWord: { valid: '有效', modified: '校验后被修改', 'other-rubric': '按其他评分标准校验', absent: '无' } as Record<StampStatus, string>,
    summary: (n: number, errs: number, bad: number) => `共检查 ${n} 个文件：${errs} 个有错误，${bad} 个无法读取。`,
    withErrors: '有错误的文件：',
    unreadableFiles: '无法读取的文件：',
  },
  en: {
    sheet: 'sheet',
    total: 'total',
    grade: 'grade',
    veto: ' (veto)',
    provisional: (n: number) => ` (once ${n} error${n === 1 ? ' is' : 's are'} corrected)`,
    category: 'category',
    score: 'score / cap',
    severity: 'severity',
    cell: 'cell',
    clause: 'clause',
    message: 'message',
    count: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} info`,
    errors: (e: number) => `${e} error${e === 1 ? '' : 's'}`,
    none: 'No problems found.',
    unreadable: 'cannot be read',
    annotated: 'annotated copy',
    reviewed: (t: number, g: string, d: number) => `review total ${t}  review grade ${g}  ${d} clauses differ from the self-assessment`,
    notReviewed: 'The review column is empty: not reviewed yet.',
    stamp: 'stamp',
    stamped: 'written',
    stampWord: { valid: 'valid', modified: 'modified after stamping', 'other-rubric': 'stamped against another rubric', absent: 'none' } as Record<StampStatus, string>,
    summary: (n: number, errs: number, bad: number) => `${n} files checked: ${errs} with errors, ${bad} unreadable.`,
    withErrors: 'Files with errors:',
    unreadableFiles: 'Files that cannot be read:',
  },
};

const fileAndUnit = (r: FileReportOk, lang: CliLang): string => {
  if (!r.unit) return r.file;
  return lang === 'en' ? `${r.file} (${r.unit})` : `${r.file}（${r.unit}）`;
};

function renderFile(r: FileReportOk, lang: CliLang, io: CliIO): void {
  const L = T[lang];
  const locale = LOCALE[lang];
  io.out(`${r.counts.error ? '✗' : '✓'} ${fileAndUnit(r, lang)}  [${L.sheet} ${r.sheet} · ${r.rubric}]`);
  const provisional = r.provisional ? L.provisional(r.findings.filter((f) => f.severity === 'error' && f.code !== 'VETO').length) : '';
  io.out(`  ${L.total} ${r.total}${provisional}  ${L.grade} ${r.grade}${r.veto ? L.veto : ''}`);
  if (r.review) io.out(`  ${r.review.status === 'reviewed' ? L.reviewed(r.review.total, r.review.grade, r.review.differences) : L.notReviewed}`);
  if (r.stamp !== 'absent' || r.stamped) io.out(`  ${L.stamp}: ${L.stampWord[r.stamp]}${r.stamped ? ` (${L.stamped})` : ''}`);
  const catRows = r.categories.map((c) => [
    c.name,
    categoryScoreText({ kind: c.kind as CategoryKind, score: dec(c.score), cap: dec(c.cap) }, locale),
  ]);
  io.out('');
  for (const line of table([[L.category, L.score], ...catRows])) io.out(line);
  io.out('');
  if (r.findings.length === 0) io.out(`  ${L.none}`);
  else {
    // The code is for scripts (--json); the person reads the sentence alone.
    const rows = r.findings.map((f) => [severityWord(f.severity, locale), f.cell, f.clauseId ?? '', f.message]);
    for (const line of table([[L.severity, L.cell, L.clause, L.message], ...rows])) io.out(line);
  }
  io.out(`  ${L.count(r.counts.error, r.counts.warning, r.counts.info)}`);
  if (r.annotated) io.out(`  ${L.annotated}: ${r.annotated}`);
  if (r.annotatedNote) io.out(`  ${r.annotatedNote}`);
  if (r.error) for (const line of r.error.split('\n')) io.out(`  ${line}`);
  io.out('');
}

/** The closing lines of a batch: counts, then each file with errors (and how many), then each unreadable one. */
export function batchSummary(reports: readonly FileReport[], lang: CliLang): string[] {
  const L = T[lang];
  const bad = reports.filter(isUnreadable);
  const withErrors = reports.filter((r): r is FileReportOk => !isUnreadable(r) && r.counts.error > 0);
  const lines = [L.summary(reports.length, withErrors.length, bad.length)];
  if (withErrors.length) {
    lines.push(L.withErrors);
    lines.push(...table(withErrors.map((r) => [fileAndUnit(r, lang), L.errors(r.counts.error)])));
  }
  if (bad.length) {
    lines.push(L.unreadableFiles);
    lines.push(...bad.map((r) => `  ${r.file}`));
  }
  return lines;
}

export function renderText(reports: readonly FileReport[], lang: CliLang, io: CliIO): void {
  for (const r of reports) {
    if (isUnreadable(r)) {
      io.out(`✗ ${r.file}  ${T[lang].unreadable}`);
      for (const line of r.error.split('\n')) io.out(`  ${line}`);
      io.out('');
    } else renderFile(r, lang, io);
  }
  if (reports.length > 1) for (const line of batchSummary(reports, lang)) io.out(line);
}
