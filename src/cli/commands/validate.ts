import { existsSync, mkdirSync, statSync } from 'fs';
import { resolve } from 'path';
import type { Command } from 'commander';
import type { Rubric } from '../../engine/rubric-types';
import type { SheetCheck } from '../../engine/validate/validate-sheet';
import type { CliIO } from '../io';
import { loadUsableRubric, rubricErrorText } from '../rubric-file';
import { AnnotateError } from '../../xlsx/annotate/annotate-package';
import { annotatedPath, CopyError, writeAnnotatedCopy } from '../xlsx/annotate-workbook';
import { expandInputs } from '../expand-inputs';
import { hasFileError, LOCALE, toReport, type FileReport, type FileReportOk } from '../validate-report';
import { renderText } from '../validate-text';
import { makeStamp } from '../../engine/stamp/stamp';
import { webCryptoSha256 } from '../../host/sha256';
import { checkSheets, type CheckedSheet } from '../xlsx/check-sheets';
import type { CheckResult } from '../xlsx/check-workbook';
import { writeStamp } from '../xlsx/write-stamp';
import { readErrors, WorkbookReadError, type CliLang } from '../xlsx/read-errors';
import { staleFormulaTargets } from '../../engine/formulas/formula-stale-targets';

/**
 * Checks the CLI adds to the engine's own: FORMULA_STALE, where HyperFormula recomputes every RUBRIC
 * formula and compares it with the result cached in the file. In Excel the formulas recalculate
 * themselves, and HyperFormula is too large for the pane's bundle, so only the CLI runs it.
 */
export async function defaultExtraChecks(): Promise<SheetCheck[]> {
  return [formulaStaleCheckOnUse];
}

type StaleCheckModule = typeof import('../../engine/formulas/formula-stale-check');
let staleCheckModule: StaleCheckModule | undefined;

/**
 * HyperFormula takes longer to load (about 0.16 s) than a whole one-file run without it, and most sheets have
 * no RUBRIC formula to recompute: so it is loaded by the first sheet that has one. Synchronously, because the
 * engine calls its checks synchronously; the CLI is CommonJS.
 */
const formulaStaleCheckOnUse: SheetCheck = (context) => {
  if (staleFormulaTargets(context.sheet).length === 0) return [];
  staleCheckModule ??= require('../../engine/formulas/formula-stale-check') as StaleCheckModule;
  return staleCheckModule.formulaStaleCheck(context);
};

/** Above this many files, a progress line per file goes to stderr. */
const PROGRESS_ABOVE = 3;

export interface ValidateOptions {
  rubric?: string;
  sheet?: string;
  json?: boolean;
  outDir?: string;
  /** Overwrite an existing annotated copy (never the input). */
  force?: boolean;
  lang?: string;
  /** Report only: exit 0 even when a sheet has errors (2 still means a file could not be read). */
  exitZero?: boolean;
  /** Write the submission stamp into each workbook found without error. */
  stamp?: boolean;
  /** One 街镇 per sheet: every sheet holding the rubric table is checked and reported. */
  allSheets?: boolean;
}

const say = (lang: CliLang, zh: string, en: string) => (lang === 'en' ? en : `${zh}\n${en}`);

/** `validate <file.xlsx|folder…>`: 0 no error finding anywhere, 1 some file has one, 2 some file (or the rubric) cannot be read. */
export async function runValidate(
  inputs: string[],
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

  const { files, problems } = expandInputs(inputs, lang);
  if (problems.length) return giveUp(problems.join('\n'));

  if (opts.stamp && opts.allSheets) {
    return giveUp(say(lang, '--stamp 不能与 --all-sheets 同用：校验印记只对应一个工作表。', '--stamp cannot be combined with --all-sheets: a stamp covers one sheet.'));
  }
  const checks = extraChecks ?? (await defaultExtraChecks());
  const reports: FileReport[] = [];
  // Inputs count as taken names, so a copy never lands on an input (a.xlsx → a.checked.xlsx when a.checked.xlsx is also checked).
  const taken = new Set(files.map((f) => resolve(f)));
  for (const [i, file] of files.entries()) {
    if (files.length > PROGRESS_ABOVE) io.err(`[${i + 1}/${files.length}] ${file} …`);
    const checkedFile = await checkSheets(file, { rubric, sheet: opts.sheet, allSheets: opts.allSheets, locale: LOCALE[lang], extraChecks: checks });
    if (!checkedFile.ok) {
      reports.push(toReport(checkedFile, rubric, lang));
      continue;
    }
    for (const f of checkedFile.failed) reports.push({ file, error: f.error.localized(lang) });
    for (const sheet of checkedFile.sheets) {
      const checked: CheckResult = { file, ok: true, bytes: checkedFile.bytes, result: sheet.result, unit: sheet.unit, parseMs: 0, validateMs: 0 };
      const report = toReport(checked, rubric, lang, sheet.stamp) as FileReportOk;
      if (opts.stamp && !checkedFile.csv) await stampIfClean(file, checkedFile.bytes, sheet, report, rubric, lang, io);
      if (opts.outDir !== undefined) {
        try {
          if (checkedFile.csv) throw readErrors.csvNoCopy(file);
          const named = checkedFile.sheets.length > 1 ? file.replace(/(\.xlsx)?$/i, `-${sheet.result.sheet}$1`) : file;
          const out = annotatedPath(named, opts.outDir, taken, opts.force);
          const note = writeAnnotatedCopy(checkedFile.bytes, sheet.result.sheet, sheet.result.findings, out, lang);
          report.annotated = out;
          if (note) report.annotatedNote = note;
        } catch (err) {
          const why =
            err instanceof CopyError || err instanceof WorkbookReadError ? err.localized(lang) : err instanceof AnnotateError ? (lang === 'en' ? err.en : `${err.zh}\n${err.en}`) : String(err);
          const message = say(lang, `未写出 ${file} 的标注副本：`, `The annotated copy of ${file} was not written:`) + `\n${why}`;
          report.error = message;
          io.err(message);
        }
      }
      reports.push(report);
    }
  }

  if (opts.json) io.out(JSON.stringify({ files: reports }, null, 2));
  else renderText(reports, lang, io);
  if (reports.some(hasFileError)) return 2;
  if (opts.exitZero) return 0;
  return reports.some((r) => (r as FileReportOk).counts.error > 0) ? 1 : 0;
}

/** --stamp: the stamp goes into a workbook only when its sheet has no error. */
async function stampIfClean(file: string, bytes: Buffer, sheet: CheckedSheet, report: FileReportOk, rubric: Rubric, lang: CliLang, io: CliIO): Promise<void> {
  if (sheet.result.findings.some((f) => f.severity === 'error')) {
    io.err(say(lang, `${file} 有错误，未写入校验印记。`, `${file} has errors; no stamp was written.`));
    return;
  }
  try {
    const stamp = await makeStamp({ rubric, sheet: sheet.sheet, table: sheet.result.table, scorecard: sheet.result.scorecard }, webCryptoSha256, new Date());
    writeStamp(file, bytes, stamp);
    report.stamp = 'valid';
    report.stamped = true;
  } catch (err) {
    io.err(say(lang, `无法在 ${file} 中写入校验印记（文件未改动）：${(err as Error).message}`, `Could not stamp ${file} (left unchanged): ${(err as Error).message}`));
  }
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

export function registerValidate(program: Command, io: CliIO, extraChecks?: SheetCheck[]): void {
  program
    .command('validate')
    .description('检查自评表：找出每个需要修改的单元格 (validate self-assessment workbooks against the rubric)')
    .argument('<files...>', '一个或多个 .xlsx 文件或文件夹（检查其中的 .xlsx 文件）(.xlsx files, or folders of them)')
    .option('--rubric <file>', '评分标准文件，默认为内置的长宁区 2023 (default: bundled rubric)')
    .option('--sheet <name>', '工作表名称，默认自动查找 (worksheet name; default: the first holding the rubric table)')
    .option('--json', '输出 JSON (print one JSON document)')
    .option('--out-dir <dir>', '把标注了问题的副本写入该文件夹，原文件不变 (write annotated copies here; inputs are never changed)')
    .option('--force', '覆盖已存在的标注副本，绝不覆盖输入文件 (overwrite existing annotated copies; never an input)')
    .option('--lang <lang>', '消息语言 zh 或 en (message language)', 'zh')
    .option('--stamp', '没有错误时在工作簿中写入校验印记（自定义文档属性）(write the submission stamp when there is no error)')
    .option('--all-sheets', '一个工作簿中每个工作表是一个街镇 (one sheet per 街镇 in a workbook)')
    .option('--exit-zero', '只报告：发现错误时也以 0 退出，无法读取的文件仍为 2 (report only: exit 0 even with errors)')
    .action(async (files: string[], opts: ValidateOptions) => {
      io.exit(await runValidate(files, opts, io, extraChecks));
    });
}
