/**
 * `compare <files or folders…>`: the district's view of the 街镇 sheets — ranking, grades, review
 * differences, weak clauses, stamp status — as text, JSON (--json), a new summary workbook (--out) and
 * a printable page (--html). A file that cannot be read is listed with its error, never dropped.
 */
import { existsSync, statSync, writeFileSync } from 'fs';
import { basename } from 'path';
import type { Command } from 'commander';
import { compareSheets, type CompareInput, type Comparison, type UnreadableInput } from '../../engine/compare/compare';
import { comparisonJson } from '../../engine/compare/comparison-json';
import { stampWord, summarySheets } from '../../engine/compare/summary-spec';
import { toNumber } from '../../engine/decimal';
import type { Rubric } from '../../engine/rubric-types';
import type { SheetCheck } from '../../engine/validate/validate-sheet';
import type { CliIO } from '../io';
import { loadRubricFile, RubricFileError, UnreadableInputError } from '../rubric-file';
import { checkSheets } from '../xlsx/check-sheets';
import { buildComparisonWorkbook } from '../xlsx/write-comparison';
import { expandInputs } from '../expand-inputs';
import { displayWidth } from '../validate-text';
import { defaultExtraChecks } from './validate';

export interface CompareOptions {
  rubric?: string;
  sheet?: string;
  allSheets?: boolean;
  json?: boolean;
  out?: string;
  html?: string;
}

/** This tool's own annotated copies are not 街镇 sheets. */
const isAnnotatedCopy = (file: string) => /\.checked(?:-\d+)?\.xlsx$/i.test(file);

/** Every sheet checked and compared. */
export async function buildComparison(files: readonly string[], rubric: Rubric, opts: CompareOptions, checks: SheetCheck[], io?: CliIO): Promise<Comparison> {
  const inputs: CompareInput[] = [];
  const unreadable: UnreadableInput[] = [];
  for (const [i, file] of files.entries()) {
    if (io && files.length > 3) io.err(`[${i + 1}/${files.length}] ${file} …`);
    const checked = await checkSheets(file, { rubric, sheet: opts.sheet, allSheets: opts.allSheets, extraChecks: checks });
    if (!checked.ok) {
      unreadable.push({ file, error: checked.error.localized('zh') });
      continue;
    }
    for (const s of checked.sheets) inputs.push({ file, sheet: s.sheet, result: s.result, stamp: s.stamp });
    for (const f of checked.failed) unreadable.push({ file, sheet: f.sheet, error: f.error.localized('zh') });
  }
  return compareSheets(rubric, inputs, unreadable);
}

export async function runCompare(inputs: string[], opts: CompareOptions, io: CliIO, extraChecks?: SheetCheck[]): Promise<number> {
  const giveUp = (message: string): number => {
    io.err(message);
    if (opts.json) io.out(JSON.stringify({ rubric: null, entries: [], clauses: [], error: message }, null, 2));
    return 2;
  };
  let rubric: Rubric;
  try {
    rubric = loadRubricFile(opts.rubric);
  } catch (err) {
    if (err instanceof RubricFileError || err instanceof UnreadableInputError) return giveUp(`评分标准文件有误，未比较任何表格：\n${err.message}`);
    throw err;
  }
  for (const [flag, path] of [['--out', opts.out], ['--html', opts.html]] as const) {
    if (path !== undefined && existsSync(path) && statSync(path).isDirectory()) return giveUp(`${flag} ${path} 是一个文件夹，请给出文件名。\n${flag} ${path} is a folder; give a file name.`);
  }
  const expanded = expandInputs(inputs, 'zh');
  if (expanded.problems.length > 0) return giveUp(expanded.problems.join('\n'));
  const files = expanded.files.filter((f) => !isAnnotatedCopy(f));
  if (files.length === 0) return giveUp(`在 ${inputs.join('、')} 中没有找到 .xlsx 文件。\nNo .xlsx file found in ${inputs.join(', ')}.`);

  const comparison = await buildComparison(files, rubric, opts, extraChecks ?? (await defaultExtraChecks()), io);
  if (opts.out !== undefined) {
    try {
      await buildComparisonWorkbook(summarySheets(comparison, rubric.year)).xlsx.writeFile(opts.out);
    } catch (err) {
      return giveUp(`无法写出汇总工作簿 ${opts.out}：${(err as Error).message}\nCould not write ${opts.out}.`);
    }
  }
  if (opts.html !== undefined) {
    try {
      const { comparisonPage } = await import('../../report/comparison-page');
      writeFileSync(opts.html, comparisonPage(comparison, new Date()));
    } catch (err) {
      return giveUp(`无法写出汇总页面 ${opts.html}：${(err as Error).message}\nCould not write ${opts.html}.`);
    }
  }
  if (opts.json) io.out(JSON.stringify(comparisonJson(comparison), null, 2));
  else renderText(comparison, opts, io);
  return comparison.unreadable.length > 0 ? 2 : 0;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

function renderText(c: Comparison, opts: CompareOptions, io: CliIO): void {
  const rows = [
    ['排名', '街镇', '自评', '复核', '最终', '等第', '错误', '警告', '印记'],
    ...c.entries.map((e) => [
      String(e.rank),
      e.label,
      String(toNumber(e.self.total)),
      e.review ? String(toNumber(e.review.total)) : e.reviewStatus === 'not-reviewed' ? '未复核' : '—',
      String(toNumber(e.final.total)),
      e.final.grade + (e.final.veto ? '（一票否决）' : ''),
      String(e.errors),
      String(e.warnings),
      stampWord(e.stamp),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  for (const r of rows) io.out(`  ${r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd()}`);
  io.out('');
  io.out(`等第分布：${c.grades.map((g) => `${g.grade} ${g.count}`).join('，')}`);
  const weak = [...c.clauses].filter((r) => r.total.gt(0)).sort((a, b) => b.total.cmp(a.total)).slice(0, 5);
  if (weak.length > 0) io.out(`失分最多的条款：${weak.map((r) => `${r.id} ${r.item}（合计 ${toNumber(r.total)} 分）`).join('；')}`);
  const diffs = c.entries.reduce((n, e) => n + e.differences.length, 0);
  io.out(`复核差异：${diffs} 处${diffs > 0 ? '（详见 --out 工作簿的「复核差异」表或 --json）' : ''}`);
  for (const d of c.duplicates) io.out(`⚠ 名称重复：${d.name} 出现在 ${d.files.map((f) => basename(f)).join('、')}`);
  for (const u of c.unreadable) {
    io.out(`✗ 无法读取 ${u.file}${u.sheet ? `（${u.sheet}）` : ''}`);
    for (const line of u.error.split('\n')) io.out(`  ${line}`);
  }
  if (opts.out) io.out(`汇总工作簿：${opts.out}`);
  if (opts.html) io.out(`汇总页面：${opts.html}`);
}

export function registerCompare(program: Command, io: CliIO, extraChecks?: SheetCheck[]): void {
  program
    .command('compare')
    .description('区级汇总：比较各街镇自评表，排名、复核差异、薄弱条款、校验印记 (compare the 街镇 sheets)')
    .argument('<inputs...>', '.xlsx 文件或包含它们的文件夹 (.xlsx files or folders holding them)')
    .option('--rubric <file>', '评分标准文件，默认为内置的长宁区 2023 (default: bundled rubric)')
    .option('--sheet <name>', '工作表名称，默认自动查找 (worksheet name)')
    .option('--all-sheets', '一个工作簿中每个工作表是一个街镇 (one sheet per 街镇 in a workbook)')
    .option('--json', '输出 JSON (print one JSON document)')
    .option('--out <file>', '写出汇总工作簿（新文件）(write a new summary workbook)')
    .option('--html <file>', '写出可打印的汇总页面 (write a printable page with charts)')
    .action(async (inputs: string[], opts: CompareOptions) => {
      io.exit(await runCompare(inputs, opts, io, extraChecks));
    });
}
