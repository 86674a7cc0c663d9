/**
 * `npm run bench`: prints performance figures (no pass/fail). `--json` prints one JSON document.
 * Each section is a named async function returning its figures; add a section by appending to SECTIONS.
 */
import { spawnSync } from 'child_process';
import { cpus, loadavg } from 'os';
import { join } from 'path';
import { readFileSync } from 'fs';
import { EXAMPLE, median, ROOT, timeRuns, type BenchSection, type Figures } from './bench-util';
import { loadRubricFile } from '../src/cli/rubric-file';
import { loadWorkbook } from '../src/cli/xlsx/read-workbook';
import { pickSheet } from '../src/cli/xlsx/pick-sheet';
import { validateSheet } from '../src/engine/validate/validate-sheet';
import { benchFormulas } from '../src/engine/formulas/bench-formulas';
import { officeSection } from './bench-office';
import { browserSection } from './bench-browser-section';
import { annotateSection } from './bench-annotate';
import { readingSection } from './bench-reading';

export type { BenchSection, Figures } from './bench-util';
const round = (ms: number, digits = 3) => Number(ms.toFixed(digits));

const validateSection: BenchSection = {
  name: 'validate (issue 3)',
  about:
    'engine validation of the loaded 江苏路 example (target: median < 5 ms); xlsx parse = ExcelJS load + sheet read + locate; ' +
    'ten examples in one compiled `validate` call, wall time including Node start-up (target < 2 s)',
  async run() {
    const rubric = loadRubricFile();
    const bytes = readFileSync(EXAMPLE);
    const parse = async () => pickSheet(await loadWorkbook(bytes, EXAMPLE), rubric, EXAMPLE);
    const parseTimes = await timeRuns(parse, 15, 3);
    const { sheet } = await parse();
    const validateTimes = await timeRuns(() => validateSheet(sheet, rubric), 200, 20);
    // CPU time per run as well: on a shared machine the wall-clock median includes waiting for a core.
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < 200; i++) validateSheet(sheet, rubric);
    const cpu = process.cpuUsage(cpu0);
    const parseMedian = median(parseTimes);
    const validateMedian = median(validateTimes);

    const cli = join(ROOT, 'dist-cli', 'src', 'cli', 'main.js');
    const t0 = performance.now();
    const child = spawnSync(process.execPath, [cli, 'validate', '--json', ...Array(10).fill(EXAMPLE)], { encoding: 'utf8' });
    const wall = performance.now() - t0;
    let filesReported: number | string = 'unparsable';
    try {
      filesReported = (JSON.parse(child.stdout) as { files: unknown[] }).files.length;
    } catch {
      // reported as 'unparsable' below; the figure is still printed
    }
    return {
      validateMedianMs: round(validateMedian),
      validateCpuMsPerRun: round((cpu.user + cpu.system) / 1000 / 200),
      validateP95Ms: round([...validateTimes].sort((a, b) => a - b)[Math.floor(validateTimes.length * 0.95)]),
      parseMedianMs: round(parseMedian, 1),
      validateToParseRatio: round(validateMedian / parseMedian, 4),
      cliTenFilesWallMs: round(wall, 0),
      cliTenFilesExitCode: child.status ?? -1,
      cliTenFilesReported: filesReported,
    };
  },
};

/** Sections run in order; other issues append theirs here. */
export const SECTIONS: BenchSection[] = [validateSection];

SECTIONS.push({
  name: 'RUBRIC functions (issue 4)',
  about:
    'one million SCORE_DEDUCT calls, exact decimals vs plain Math.max(0, max − cases·perCase) (calls/s and time ratio); ' +
    'a 10,000-row HyperFormula sheet of =RUBRIC.SCORE_DEDUCT(2,An,$C$1) vs =MAX(0,2-An*$C$1): build, and median recalculation ' +
    'after $C$1 changes, between values already seen (target: sheetRecalcRatio ≤ 2) and to ever-new values (no reuse possible)',
  async run() {
    return benchFormulas(loadRubricFile());
  },
});

SECTIONS.push(officeSection);
SECTIONS.push(browserSection);
SECTIONS.push(readingSection);
SECTIONS.push(annotateSection);

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const results: { name: string; about: string; figures: Figures }[] = [];
  for (const section of SECTIONS) {
    if (!json) process.stderr.write(`running ${section.name} …\n`);
    results.push({ name: section.name, about: section.about, figures: await section.run() });
  }
  // Wall times depend on what else runs: the load average puts them in context.
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify({ machine, sections: results }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`node ${machine.node}, ${machine.cpus} CPU(s) ${machine.cpuModel}, load average ${machine.loadAverage1m}\n`);
  for (const r of results) {
    process.stdout.write(`\n${r.name}\n  ${r.about}\n`);
    const width = Math.max(...Object.keys(r.figures).map((k) => k.length));
    for (const [k, v] of Object.entries(r.figures)) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
