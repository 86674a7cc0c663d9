import { existsSync, mkdirSync, statSync } from 'fs';
import { resolve } from 'path';
import type { Command } from 'commander';
import { toNumber } from '../../engine/decimal';
import type { Locale } from '../../engine/messages';
import type { Rubric } from '../../engine/rubric-types';
import type { Severity } from '../../engine/validate/finding';
import type { SheetCheck } from '../../engine/validate/validate-sheet';
import type { CliIO } from '../io';
import { loadUsableRubric, rubricErrorText } from '../rubric-file';
import { annotatedPath, writeAnnotatedCopy } from '../xlsx/annotate-workbook';
import { checkWorkbook, type CheckResult } from '../xlsx/check-workbook';
import type { CliLang } from '../xlsx/read-errors';

/**
 * Checks the CLI adds to the engine's own: FORMULA_STALE, where HyperFormula recomputes every RUBRIC
 * formula and compares it with the result cached in the file. In Excel the formulas recalculate
 * themselves, and HyperFormula is too large for the pane's bundle, so only the CLI runs it.
 */
export async function defaultExtraChecks(): Promise<SheetCheck[]> {
  // Loaded on use: HyperFormula costs a noticeable part of a second at start-up.
  const { formulaStaleCheck } = await import('../../engine/formulas/formula-stale-check');
  return [formulaStaleCheck];
}

/** Above this many files, a progress line per file goes to stderr. */
const PROGRESS_ABOVE = 3;

export interface ValidateOptions {
  rubric?: string;
  sheet?: string;
  json?: boolean;
  outDir?: string;
  lang?: string;
  /** Report only: exit 0 even when a sheet has errors (2 still means a file could not be read). */
  exitZero?: boolean;
}

export interface FileReportOk {
  file: string;
  sheet: string;
  rubric: string;
  total: number;
  grade: string;
  veto: boolean;
  categories: { name: string; kind: string; score: number; cap: number }[];
  findings: { code: string; severity: Severity; cell: string; clauseId: string | null; message: string }[];
  /** Where the annotated copy went (--out-dir). */
  annotated?: string;
}
export interface FileReportError {
  file: string;
  error: string;
}
export type FileReport = FileReportOk | FileReportError;

const LOCALE: Readonly<Record<CliLang, Locale>> = { zh: 'zh-CN', en: 'en' };

const say = (lang: CliLang, zh: string, en: string) => (lang === 'en' ? en : `${zh}\n${en}`);

function toReport(checked: CheckResult, rubric: Rubric, lang: CliLang): FileReport {
  if (!checked.ok) return { file: checked.file, error: checked.error.localized(lang) };
  const { result } = checked;
  const card = result.scorecard;
  return {
    file: checked.file,
    sheet: result.sheet,
    rubric: rubric.id,
    total: toNumber(card.total),
    grade: card.grade,
    veto: card.veto,
    categories: card.categories.map((c) => ({ name: c.name, kind: c.kind, score: toNumber(c.score), cap: toNumber(c.cap) })),
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell,
      clauseId: f.clauseId ?? null,
      message: f.message,
    })),
  };
}

/** `validate <file.xlsx…>`: 0 no error finding anywhere, 1 some file has one, 2 some file (or the rubric) cannot be read. */
export async function runValidate(
  files: string[],
  opts: ValidateOptions,
  io: CliIO,
  extraChecks?: SheetCheck[],
): Promise<number> {
  const lang: CliLang = opts.lang === 'en' ? 'en' : 'zh';
  // Nothing can be checked: still one JSON document on stdout under --json, so scripts can parse it.
  const giveUp = (message: string): number => {
    io.err(message);
    if (opts.json) io.out(JSON.stringify({ files: [], error: message }, null, 2));
    return 2;
  };
  if (opts.lang !== undefined && opts.lang !== 'zh' && opts.lang !== 'en') {
    return giveUp(`--lang 应为 zh 或 en，收到 ${opts.lang}。\n--lang must be zh or en, got ${opts.lang}.`);
  }
  let rubric: Rubric;
  try {
    rubric = loadUsableRubric(opts.rubric);
  } catch (err) {
    const text = rubricErrorText(err, lang);
    if (text !== undefined) return giveUp(`${text}\n${lang === 'en' ? 'No workbook was checked.' : '未检查任何表格。No workbook was checked.'}`);
    throw err;
  }
  if (opts.outDir !== undefined) {
    const problem = outDirProblem(opts.outDir, lang);
    if (problem) return giveUp(problem);
  }

  const checks = extraChecks ?? (await defaultExtraChecks());
  const reports: FileReport[] = [];
  // Inputs count as taken names, so a copy never lands on an input (a.xlsx → a.checked.xlsx when a.checked.xlsx is also checked).
  const taken = new Set(files.map((f) => resolve(f)));
  for (const [i, file] of files.entries()) {
    if (files.length > PROGRESS_ABOVE) io.err(`[${i + 1}/${files.length}] ${file} …`);
    const checked = await checkWorkbook(file, { rubric, sheet: opts.sheet, locale: LOCALE[lang], extraChecks: checks });
    const report = toReport(checked, rubric, lang);
    if (checked.ok && opts.outDir !== undefined) {
      try {
        const out = annotatedPath(file, opts.outDir, taken);
        await writeAnnotatedCopy(checked.bytes, checked.result.sheet, checked.result.findings, out, lang);
        (report as FileReportOk).annotated = out;
      } catch (err) {
        io.err(say(lang, `无法为 ${file} 写出标注副本：${(err as Error).message}`, `Could not write the annotated copy of ${file}: ${(err as Error).message}`));
      }
    }
    reports.push(report);
  }

  if (opts.json) io.out(JSON.stringify({ files: reports }, null, 2));
  else renderText(reports, lang, io);
  if (reports.some((r) => 'error' in r)) return 2;
  if (opts.exitZero) return 0;
  return reports.some((r) => (r as FileReportOk).findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function outDirProblem(dir: string, lang: CliLang): string | undefined {
  if (existsSync(dir)) {
    return statSync(dir).isDirectory()
      ? undefined
      : say(lang, `--out-dir ${dir} 是一个文件，不是文件夹。请指定一个文件夹。`, `--out-dir ${dir} is a file, not a folder.`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return say(lang, `无法创建文件夹 ${dir}（${code}）。`, `Cannot create the folder ${dir} (${code}).`);
  }
}

// ─── Text output ────────────────────────────────────────────────────────────

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
    category: '分类',
    score: '得分',
    cap: '上限',
    severity: '级别',
    cell: '单元格',
    clause: '条款',
    message: '说明',
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    count: (e: number, w: number, i: number) => `${e} 个错误，${w} 个警告，${i} 个提示`,
    none: '未发现问题。',
    unreadable: '无法读取',
    annotated: '标注副本',
    summary: (n: number, errs: number, bad: number) => `共检查 ${n} 个文件：${errs} 个有错误，${bad} 个无法读取。`,
  },
  en: {
    sheet: 'sheet',
    total: 'total',
    grade: 'grade',
    veto: ' (veto)',
    category: 'category',
    score: 'score',
    cap: 'cap',
    severity: 'severity',
    cell: 'cell',
    clause: 'clause',
    message: 'message',
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    count: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} info`,
    none: 'No problems found.',
    unreadable: 'cannot be read',
    annotated: 'annotated copy',
    summary: (n: number, errs: number, bad: number) => `${n} files checked: ${errs} with errors, ${bad} unreadable.`,
  },
};

const fmt = (n: number) => String(n);

function renderText(reports: FileReport[], lang: CliLang, io: CliIO): void {
  const L = T[lang];
  for (const r of reports) {
    if ('error' in r) {
      io.out(`✗ ${r.file}  ${L.unreadable}`);
      for (const line of r.error.split('\n')) io.out(`  ${line}`);
      io.out('');
      continue;
    }
    const count = (s: Severity) => r.findings.filter((f) => f.severity === s).length;
    const mark = count('error') ? '✗' : '✓';
    io.out(`${mark} ${r.file}  [${L.sheet} ${r.sheet} · ${r.rubric}]`);
    io.out(`  ${L.total} ${fmt(r.total)}  ${L.grade} ${r.grade}${r.veto ? L.veto : ''}`);
    const catRows = r.categories.map((c) => {
      const sign = c.kind === 'penalty' ? '-' : '';
      return [c.name, fmt(c.score), `${sign}${fmt(c.cap)}`];
    });
    io.out('');
    for (const line of table([[L.category, L.score, L.cap], ...catRows])) io.out(line);
    io.out('');
    if (r.findings.length === 0) io.out(`  ${L.none}`);
    else {
      const rows = r.findings.map((f) => [L.sev[f.severity], f.cell, f.clauseId ?? '', `${f.code} ${f.message}`]);
      for (const line of table([[L.severity, L.cell, L.clause, L.message], ...rows])) io.out(line);
    }
    io.out(`  ${L.count(count('error'), count('warning'), count('info'))}`);
    if (r.annotated) io.out(`  ${L.annotated}: ${r.annotated}`);
    io.out('');
  }
  if (reports.length > 1) {
    const bad = reports.filter((r) => 'error' in r).length;
    const errs = reports.filter((r) => !('error' in r) && r.findings.some((f) => f.severity === 'error')).length;
    io.out(L.summary(reports.length, errs, bad));
  }
}

export function registerValidate(program: Command, io: CliIO, extraChecks?: SheetCheck[]): void {
  program
    .command('validate')
    .description('检查自评表：找出每个需要修改的单元格 (validate self-assessment workbooks against the rubric)')
    .argument('<files...>', '一个或多个 .xlsx 文件 (one or more .xlsx files)')
    .option('--rubric <file>', '评分标准文件，默认为内置的长宁区 2023 (default: bundled rubric)')
    .option('--sheet <name>', '工作表名称，默认自动查找 (worksheet name; default: the first holding the rubric table)')
    .option('--json', '输出 JSON (print one JSON document)')
    .option('--out-dir <dir>', '把标注了问题的副本写入该文件夹，原文件不变 (write annotated copies here; inputs are never changed)')
    .option('--lang <lang>', '消息语言 zh 或 en (message language)', 'zh')
    .option('--exit-zero', '只报告：发现错误时也以 0 退出，无法读取的文件仍为 2 (report only: exit 0 even with errors)')
    .action(async (files: string[], opts: ValidateOptions) => {
      io.exit(await runValidate(files, opts, io, extraChecks));
    });
}
