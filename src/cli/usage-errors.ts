/**
 * Commander's own words (usage errors, help headings) in the CLI's language. Commander only speaks
 * English, so its messages are matched and reworded here; a message not listed passes through as it is.
 * The language comes from `--lang` in argv, read before parsing, since these errors happen during parsing.
 */
import type { Command } from 'commander';
import type { CliLang } from './xlsx/read-errors';

/** `--lang en` or `--lang=en` anywhere on the command line; Chinese otherwise. */
export function langFromArgv(argv: readonly string[]): CliLang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

type Rewrite = [RegExp, (...groups: string[]) => string];

/** What each command's positional argument is, for 「缺少参数」. */
const ARGUMENT_ZH: Readonly<Record<string, string>> = {
  files: '要检查的 .xlsx 文件或文件夹',
  formula: '要计算的公式',
  'out.xlsx': '要写出的 .xlsx 文件名',
};

const ZH_ERRORS: readonly Rewrite[] = [
  [/^error: missing required argument '(.+)'$/, (name) => `缺少参数：${ARGUMENT_ZH[name] ?? name}。`],
  [/^error: option '(.+)' argument missing$/, (flags) => `选项 ${flags} 后面缺少取值。`],
  [/^error: required option '(.+)' not specified$/, (flags) => `缺少必需的选项 ${flags}。`],
  [/^error: unknown option '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/, (flag, hint) => `不认识的选项 ${flag}。${hint ? `是否想用 ${hint}？` : ''}`],
  [/^error: unknown command '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/, (cmd, hint) => `没有 ${cmd} 这个命令。${hint ? `是否想用 ${hint}？` : ''}可用的命令：lint、eval、validate、template。`],
  [/^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (cmd, want, got) => `${cmd ? `${cmd} ` : ''}的参数太多：应为 ${want} 个，收到 ${got} 个。`],
  [/^error: option '(.+)' argument '(.+)' is invalid\.(.*)$/, (flags, value, why) => `选项 ${flags} 的取值“${value}”无效。${why.trim()}`],
  [/^error: (.+) cannot be used with (.+)$/, (a, b) => `${a} 不能与 ${b} 同时使用。`],
];

const HINT: Readonly<Record<CliLang, (cmd: string) => string>> = {
  zh: (cmd) => `运行 rubric-check ${cmd}--help 查看用法。`,
  en: (cmd) => `Run rubric-check ${cmd}--help for usage.`,
};

/** One commander error message (without its trailing newline) in `lang`, with a pointer to --help. */
export function usageErrorText(message: string, lang: CliLang, command = ''): string {
  const text = message.trim();
  const cmd = command ? `${command} ` : '';
  if (lang === 'en') return `${text}\n${HINT.en(cmd)}`;
  for (const [pattern, say] of ZH_ERRORS) {
    const m = pattern.exec(text);
    if (m) return `错误：${say(...m.slice(1).map((g) => g ?? ''))}\n${HINT.zh(cmd)}`;
  }
  return `${text}\n${HINT.zh(cmd)}`;
}

const ZH_TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/**
 * Gives `program` (and the commands added to it afterwards, which copy these settings) usage errors
 * and help headings in `lang`. `write` receives each whole message.
 */
export function speakUsage(program: Command, lang: CliLang, write: { out(s: string): void; err(s: string): void }): Command {
  let current = '';
  program.hook('preSubcommand', (_cmd, sub) => {
    current = sub.name();
  });
  return program
    .configureOutput({
      writeOut: (s) => write.out(s.trimEnd()),
      writeErr: (s) => write.err(s.trimEnd()),
      outputError: (s, writeErr) => writeErr(usageErrorText(s, lang, current)),
    })
    .configureHelp(lang === 'en' ? {} : { styleTitle: (title) => ZH_TITLES[title] ?? title })
    .helpOption('-h, --help', lang === 'en' ? 'show help' : '显示帮助')
    .helpCommand('help [command]', lang === 'en' ? 'show help for a command' : '显示某个命令的帮助');
}
