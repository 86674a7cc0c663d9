import { existsSync, statSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import type { Command } from 'commander';
import { buildTemplateSpec } from '../../engine/template/build-template';
import type { CliIO } from '../io';
import { loadUsableRubric, rubricErrorText } from '../rubric-file';
import { templateBuffer } from '../xlsx/write-template';

export interface TemplateOptions {
  rubric?: string;
  force?: boolean;
  formulas?: boolean;
}

/** `template [--rubric file] [--formulas] <out.xlsx>`: 0 written, 1 refused (would overwrite), 2 unreadable rubric or unwritable path. */
export async function runTemplate(out: string, opts: TemplateOptions, io: CliIO): Promise<number> {
  if (!/\.xlsx$/i.test(out)) {
    io.err(`输出文件名应以 .xlsx 结尾，收到 ${out}。例如：template 自评表.xlsx\nThe output name must end in .xlsx, got ${out}.`);
    return 2;
  }
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) {
      io.err(`${out} 是一个文件夹，请给出 .xlsx 文件名。\n${out} is a directory; give an .xlsx file name.`);
      return 2;
    }
    if (!opts.force) {
      io.err(`${out} 已存在，未覆盖。请换一个文件名，或加 --force 覆盖。\n${out} already exists and was not overwritten; choose another name or pass --force.`);
      return 1;
    }
  }
  if (!existsSync(dirname(out) || '.')) {
    io.err(`文件夹 ${dirname(out)} 不存在，请先创建。\nFolder ${dirname(out)} does not exist; create it first.`);
    return 2;
  }
  let rubric;
  try {
    rubric = loadUsableRubric(opts.rubric);
  } catch (err) {
    const text = rubricErrorText(err, 'zh');
    if (text !== undefined) {
      io.err(text);
      return 2;
    }
    throw err;
  }
  const spec = buildTemplateSpec(rubric, 'zh-CN', { formulas: opts.formulas === true });
  const clauses = spec.cells.filter((c) => c.clauseId).length;
  try {
    writeFileSync(out, await templateBuffer(spec), { flag: opts.force ? 'w' : 'wx' });
  } catch (err) {
    io.err(`无法写入 ${out}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）。\nCannot write ${out}.`);
    return 2;
  }
  io.out(`已生成自评表 ${out}：${clauses} 条评分细则，合计在 ${spec.totalCell}。(wrote ${out}: ${clauses} clauses, total at ${spec.totalCell})`);
  return 0;
}

export function registerTemplate(program: Command, io: CliIO): void {
  program
    .command('template')
    .description('生成空白自评表 (write the familiar self-assessment workbook for a rubric)')
    .argument('<out.xlsx>', '输出文件 (output file)')
    .option('--rubric <file>', '评分标准文件，默认为内置的长宁区 2023 (default: bundled rubric)')
    .option('--force', '覆盖已存在的文件 (overwrite an existing file)')
    .option(
      '--formulas',
      '加“计分依据”列，可计算的评分细则用 RUBRIC.SCORE_CLAUSE 公式计分；需在 Excel 中加载评分助手，否则显示 #NAME? ' +
        '(add a 计分依据 column and RUBRIC.SCORE_CLAUSE score formulas; needs the add-in loaded in Excel, otherwise #NAME?)',
    )
    .action(async (out: string, opts: TemplateOptions) => {
      io.exit(await runTemplate(out, opts, io));
    });
}
