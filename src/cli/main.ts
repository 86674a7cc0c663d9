#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerCompare } from './commands/compare';
import { registerEval } from './commands/eval';
import { registerLint } from './commands/lint';
import { registerTemplate } from './commands/template';
import { registerValidate } from './commands/validate';
import { CliIO, processIO } from './io';
import { langFromArgv, speakUsage } from './usage-errors';
import type { CliLang } from './xlsx/read-errors';

/** Build the `rubric-check` program; each command registers itself from its own module. */
export function buildProgram(io: CliIO, lang: CliLang = 'zh'): Command {
  const program = speakUsage(
    new Command('rubric-check')
      .description('评分助手 Rubric Check：社会救助绩效评价自评表校验工具 (validate self-assessment workbooks against the rubric)')
      .exitOverride(),
    lang,
    io,
  );
  registerLint(program, io);
  registerEval(program, io);
  registerValidate(program, io);
  registerTemplate(program, io);
  registerCompare(program, io);
  return program;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let code = 0;
  const wrapped: CliIO = { ...io, exit: (c) => { code = c; } };
  try {
    await buildProgram(wrapped, langFromArgv(argv)).parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.err(`内部错误 (internal error): ${(err as Error).message}`);
    return 2;
  }
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
