import type { Command } from 'commander';
import { lintRubric } from '../../engine/lint';
import { loadRubricFile, RubricFileError, UnreadableInputError } from '../rubric-file';
import { bundledRubricPath } from '../paths';
import type { CliIO } from '../io';

const LABEL = { error: '错误 error', warning: '警告 warning', info: '提示 info' } as const;

/** `lint [rubric-file]`: sums per category and every finding; 0 = clean or warnings only, 1 = errors, 2 = unreadable. */
export function runLint(file: string | undefined, io: CliIO, json = false): number {
  const path = file ?? bundledRubricPath();
  let rubric;
  try {
    rubric = loadRubricFile(path);
  } catch (err) {
    if (err instanceof RubricFileError) {
      io.err(`评分标准文件有误 (invalid rubric file):\n${err.message}`);
      return 1;
    }
    if (err instanceof UnreadableInputError) {
      io.err(err.message);
      return 2;
    }
    throw err;
  }
  const report = lintRubric(rubric);
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  if (json) {
    io.out(
      JSON.stringify({
        file: path,
        rubric: rubric.id,
        sums: report.sums.map((s) => ({ id: s.id, name: s.name, kind: s.kind, cap: s.cap.toNumber(), itemsSum: s.itemsSum.toNumber() })),
        baseTotal: report.baseTotal.toNumber(),
        findings: report.findings,
      }, null, 2),
    );
    return errors ? 1 : 0;
  }
  io.out(`${rubric.title} (${path})`);
  io.out('分类合计 (category sums):');
  for (const s of report.sums) {
    const ok = s.itemsSum.eq(s.cap) ? '✓' : '✗';
    const sign = s.kind === 'penalty' ? '−' : '';
    io.out(`  ${ok} ${s.id} ${s.name}: ${sign}${s.itemsSum.toString()} / ${sign}${s.cap.toString()}${s.kind === 'base' ? '' : ` (${s.kind})`}`);
  }
  io.out(`  基础分合计 (base total): ${report.baseTotal.toString()} / ${rubric.total}`);
  for (const f of report.findings) {
    io.out(`${LABEL[f.severity]} ${f.code}${f.clauseId ? ` [${f.clauseId}]` : ''} ${f.path}: ${f.message}`);
  }
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  io.out(`${errors} 个错误, ${warnings} 个警告 (${errors} errors, ${warnings} warnings)`);
  return errors ? 1 : 0;
}

export function registerLint(program: Command, io: CliIO): void {
  program
    .command('lint')
    .description('检查评分标准文件：各级分值合计与原文笔误 (check a rubric file: sums and source slips)')
    .argument('[rubric-file]', '评分标准文件，默认为内置的长宁区 2023 (default: bundled rubric)')
    .option('--json', '输出 JSON (print JSON)')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      io.exit(runLint(file, io, opts.json));
    });
}
