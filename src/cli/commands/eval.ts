import type { Command } from 'commander';
import type { FormulaValue } from '../../engine/formulas/evaluate-formula';
import type { Locale } from '../../engine/messages';
import type { CliIO } from '../io';
import { loadUsableRubric, rubricErrorText } from '../rubric-file';

export interface EvalOptions {
  rubric?: string;
  lang?: string;
}

/** A value as a cell would show it: TRUE/FALSE in capitals, an empty result as nothing. */
function show(value: FormulaValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Excel's 15 significant digits: 0.1+0.2 shows 0.3, 1/3 shows 0.333333333333333, nothing rounded further.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  return String(value);
}

/**
 * `eval "<formula>"`: computes the formula with HyperFormula and the RUBRIC functions.
 * 0: the value alone on stdout (an array result as tab-separated rows); 1: the formula's result is an
 * Excel error, printed as its code and message on stderr; 2: not a formula, or the rubric cannot be read.
 */
export async function runEval(formula: string, opts: EvalOptions, io: CliIO): Promise<number> {
  if (opts.lang !== undefined && opts.lang !== 'zh' && opts.lang !== 'en') {
    io.err(`--lang 应为 zh 或 en，收到 ${opts.lang}。\n--lang must be zh or en, got ${opts.lang}.`);
    return 2;
  }
  const locale: Locale = opts.lang === 'en' ? 'en' : 'zh-CN';
  let rubric;
  try {
    rubric = loadUsableRubric(opts.rubric);
  } catch (err) {
    const text = rubricErrorText(err, locale === 'en' ? 'en' : 'zh');
    if (text !== undefined) {
      io.err(text);
      return 2;
    }
    throw err;
  }
  // HyperFormula is loaded only by the commands that compute formulas, so the others start fast.
  const { evaluateFormula } = await import('../../engine/formulas/evaluate-formula');
  const result = evaluateFormula(formula, rubric, locale);
  if (!result.ok && result.code === '#SYNTAX!') {
    io.err(result.message);
    return 2;
  }
  if (!result.ok) {
    io.err(result.message ? `${result.code} ${result.message}` : result.code);
    return 1;
  }
  const { value } = result;
  io.out(Array.isArray(value) ? value.map((row) => row.map(show).join('\t')).join('\n') : show(value));
  return 0;
}

export function registerEval(program: Command, io: CliIO): void {
  program
    .command('eval')
    .description('计算一个含 RUBRIC 函数的公式，如 "=RUBRIC.SCORE_BAND(0.06,0.05,0.01,0.1,0.5)" (evaluate a formula with the RUBRIC functions)')
    .argument('<formula>', '公式；可省略 = 和 RUBRIC. 前缀 (the formula; the leading = and the RUBRIC. prefix are optional)')
    .option('--rubric <file>', '评分标准文件，默认为内置的长宁区 2023 (rubric file; default: the bundled one)')
    .option('--lang <zh|en>', '错误信息的语言 (language of error messages)', 'zh')
    .action(async (formula: string, opts: EvalOptions) => {
      io.exit(await runEval(formula, opts, io));
    });
}
