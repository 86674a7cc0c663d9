/**
 * Issue 12's figures for `npm run bench`: hostile workbooks refused in bounded time and memory, and
 * `validate` against the floor of reading the same files at all.
 *  - A sheet that inflates past the part limit (~1.2 MB zip → ~1.2 GB XML), once with honest sizes in the
 *    zip directory and once with a lying (small) declared size, so the counted limit is what stops it.
 *  - 16 M cells in ~43 MB, the same two ways.
 *  - The same four files through the playground's reader (what its read worker runs: the limits checked,
 *    then ExcelJS), one child each (scripts/playground-read-child.ts).
 *  - `validate --json` over ~215 example files as a whole process, against a bare `node` that only unzips
 *    the same files and scans their sheet and shared strings.
 * The files are generated into a temp dir by streaming (fflate's Zip), never held whole in memory.
 * Peak memory is the child's own maxRSS (process.resourceUsage), reported by a preload script at exit.
 */
import { spawnSync } from 'child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { EXAMPLE, ROOT, type BenchSection, type Figures } from './bench-util';

const CLI = () => join(ROOT, 'dist-cli', 'src', 'cli', 'main.js');
const PLAYGROUND_READ = () => join(ROOT, 'dist-cli', 'scripts', 'playground-read-child.js');

// maxRSS in KB, then user and system CPU in µs: on a shared machine CPU time is the steadier figure.
const PRELOAD = `process.on('exit', () => { try { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.BENCH_RSS_FILE, [u.maxRSS, u.userCPUTime, u.systemCPUTime].join(',')); } catch {} });`;

interface Run {
  ms: number;
  cpuMs: number;
  peakMb: number;
  code: number;
  stdout: string;
}

function runNode(dir: string, args: string[]): Run {
  const preload = join(dir, 'rss-preload.js');
  writeFileSync(preload, PRELOAD);
  const rssFile = join(dir, `rss-${process.hrtime.bigint()}.txt`);
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['-r', preload, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
  });
  const ms = performance.now() - t0;
  let peakMb = Number.NaN;
  let cpuMs = Number.NaN;
  try {
    const [rss, user, system] = readFileSync(rssFile, 'utf8').split(',').map(Number);
    peakMb = Math.round(rss / 1024);
    cpuMs = Math.round((user + system) / 1000);
  } catch {
    // the child died before its exit handler (out of memory): NaN says so
  }
  return { ms: Math.round(ms), cpuMs, peakMb, code: child.status ?? -1, stdout: child.stdout };
}

const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Writes an .xlsx whose only sheet's XML comes from `sheetChunks`, streaming through fflate's Zip to `file`. */
function writeStreamedXlsx(file: string, sheetChunks: () => Generator<string>, level: 1 | 6 | 9): void {
  const fd = openSync(file, 'w');
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    writeSync(fd, chunk);
  });
  const small = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  small('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  small('_rels/.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  small('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  small('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="大表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level });
  zip.add(sheet);
  for (const chunk of sheetChunks()) sheet.push(strToU8(chunk));
  sheet.push(new Uint8Array(0), true);
  zip.end();
  closeSync(fd);
}

/** The central directory's declared uncompressed size of the sheet set to 1 KB: a lying zip. */
function lieAboutSize(file: string, out: string): void {
  const bytes = readFileSync(file);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  for (let p = bytes.length - 22; p >= 0; p--) {
    if (bytes.readUInt32LE(p) === 0x02014b50 && bytes.readUInt16LE(p + 28) === name.length && bytes.subarray(p + 46, p + 46 + name.length).equals(name)) {
      bytes.writeUInt32LE(1024, p + 24);
      break;
    }
  }
  writeFileSync(out, bytes);
}

const BOMB_ROW = `<row>${'<c><v>0</v></c>'.repeat(64)}</row>`;

function* bombSheet(): Generator<string> {
  yield `<worksheet xmlns="${MAIN}"><sheetData>`;
  const block = BOMB_ROW.repeat(1024); // ~1 MB
  for (let i = 0; i < 1200; i++) yield block;
  yield '</sheetData></worksheet>';
}

/** 16 M cells: 16,384 rows × 1,000 columns of varied numbers, so the zip is ~43 MB rather than a few. */
function* manyCellsSheet(): Generator<string> {
  yield `<worksheet xmlns="${MAIN}"><sheetData>`;
  let seed = 12345;
  for (let r = 1; r <= 16_384; r++) {
    const parts: string[] = [`<row r="${r}">`];
    for (let c = 0; c < 1000; c++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      parts.push(`<c><v>${seed % 1000}</v></c>`);
    }
    parts.push('</row>');
    yield parts.join('');
  }
  yield '</sheetData></worksheet>';
}

const column = (c: number) => (c >= 26 ? String.fromCharCode(64 + Math.floor(c / 26)) : '') + String.fromCharCode(65 + (c % 26));

/** Just inside the playground's cells limit (500,000): 4,990 rows × 100 addressed cells, a workbook ExcelJS reads whole. */
function* atBrowserLimitSheet(): Generator<string> {
  yield `<worksheet xmlns="${MAIN}"><sheetData>`;
  for (let r = 1; r <= 4990; r++) {
    const parts: string[] = [`<row r="${r}">`];
    for (let c = 0; c < 100; c++) parts.push(`<c r="${column(c)}${r}"><v>${(r * 100 + c) % 997}</v></c>`);
    parts.push('</row>');
    yield parts.join('');
  }
  yield '</sheetData></worksheet>';
}

export const readingSection: BenchSection = {
  name: 'bounded reading (issue 12)',
  about:
    'validate as a whole process on hostile files (targets: each refused under 20 s and 600 MB peak RSS): a sheet inflating to ~1.2 GB ' +
    'from ~1.2 MB, and 16 M cells in ~43 MB, each with honest and with lying declared sizes; the same files through the playground\'s ' +
    'reader (playground*: what its worker runs, in Node), and a valid 499,000-cell workbook just inside its cells limit; then `validate --json` on 215 example files ' +
    'against a bare node that only unzips them and scans sheet + shared strings (target ratio ≤ 1.3); wall and CPU time of each child',
  async run(): Promise<Figures> {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-bench-'));
    const figures: Figures = {};
    try {
      const bomb = join(dir, 'bomb.xlsx');
      writeStreamedXlsx(bomb, bombSheet, 9);
      const cells = join(dir, 'cells16m.xlsx');
      writeStreamedXlsx(cells, manyCellsSheet, 1);
      lieAboutSize(bomb, join(dir, 'bomb-lying.xlsx'));
      lieAboutSize(cells, join(dir, 'cells16m-lying.xlsx'));
      const atLimit = join(dir, 'cells499k.xlsx');
      writeStreamedXlsx(atLimit, atBrowserLimitSheet, 6);
      figures.bombZipMb = Number((readFileSync(bomb).length / 1024 / 1024).toFixed(2));
      figures.cellsZipMb = Number((readFileSync(cells).length / 1024 / 1024).toFixed(1));
      for (const [key, file] of [
        ['bomb', bomb],
        ['bombLying', join(dir, 'bomb-lying.xlsx')],
        ['cells16m', cells],
        ['cells16mLying', join(dir, 'cells16m-lying.xlsx')],
      ] as const) {
        const run = runNode(dir, [CLI(), 'validate', '--json', file, EXAMPLE]);
        let verdict = 'unparsable output';
        try {
          const files = (JSON.parse(run.stdout) as { files: { error?: string; total?: number }[] }).files;
          const why = files[0].error?.split('\n').pop()?.replace(/^.*?exceeds a read limit: /, '');
          verdict = `${why ? `refused: ${why.slice(0, 100)}` : 'read'}; example ${files[1].error ? 'NOT checked' : 'checked'}`;
        } catch {
          // reported as 'unparsable output'
        }
        figures[`${key}Ms`] = run.ms;
        figures[`${key}CpuMs`] = run.cpuMs;
        figures[`${key}PeakMb`] = run.peakMb;
        figures[`${key}Exit`] = run.code;
        figures[`${key}Verdict`] = verdict;
      }
      for (const [key, file] of [
        ['bomb', bomb],
        ['bombLying', join(dir, 'bomb-lying.xlsx')],
        ['cells16m', cells],
        ['cells16mLying', join(dir, 'cells16m-lying.xlsx')],
        ['cells499k', atLimit],
      ] as const) {
        const run = runNode(dir, [PLAYGROUND_READ(), file]);
        let verdict = 'unparsable output';
        try {
          const out = JSON.parse(run.stdout) as { read?: boolean; error?: string };
          verdict = out.error ? `refused: ${out.error.replace(/^.*?exceeds a read limit: /, '').slice(0, 100)}` : 'read';
        } catch {
          // reported as 'unparsable output'
        }
        const name = `playground${key[0].toUpperCase()}${key.slice(1)}`;
        figures[`${name}Ms`] = run.ms;
        figures[`${name}PeakMb`] = run.peakMb;
        figures[`${name}Verdict`] = verdict;
      }

      const examples = [EXAMPLE, join(ROOT, 'examples', 'clean-2023-自评表.xlsx')];
      const files: string[] = [];
      for (let i = 0; i < 215; i++) {
        const f = join(dir, `wb-${i}.xlsx`);
        copyFileSync(examples[i % 2], f);
        files.push(f);
      }
      const list = join(dir, 'files.json');
      writeFileSync(list, JSON.stringify(files));
      const floorScript = join(dir, 'floor.js');
      writeFileSync(
        floorScript,
        `const { readFileSync } = require('fs');
const { unzipSync, strFromU8 } = require(${JSON.stringify(require.resolve('fflate'))});
let cells = 0, strings = 0;
for (const f of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  const parts = unzipSync(readFileSync(f), { filter: (e) => e.name === 'xl/worksheets/sheet1.xml' || e.name === 'xl/sharedStrings.xml' });
  for (const [name, bytes] of Object.entries(parts)) {
    const text = strFromU8(bytes);
    const tag = name.endsWith('sharedStrings.xml') ? '<si' : '<c ';
    for (let i = text.indexOf(tag); i !== -1; i = text.indexOf(tag, i + 1)) name.endsWith('sharedStrings.xml') ? strings++ : cells++;
  }
}
process.stdout.write(JSON.stringify({ cells, strings }));`,
      );
      const best = (runs: Run[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
      const floor = best([0, 1, 2].map(() => runNode(dir, [floorScript, list])));
      const validate = best([0, 1, 2].map(() => runNode(dir, [CLI(), 'validate', '--json', ...files])));
      let reported: number | string = 'unparsable';
      try {
        reported = (JSON.parse(validate.stdout) as { files: unknown[] }).files.length;
      } catch {
        // printed as 'unparsable'
      }
      figures.batchFiles = files.length;
      figures.batchValidateMs = validate.ms;
      figures.batchValidateCpuMs = validate.cpuMs;
      figures.batchValidatePeakMb = validate.peakMb;
      figures.batchValidateReported = reported;
      figures.batchFloorMs = floor.ms;
      figures.batchFloorCpuMs = floor.cpuMs;
      figures.batchRatio = Number((validate.ms / floor.ms).toFixed(2));
      figures.batchCpuRatio = Number((validate.cpuMs / floor.cpuMs).toFixed(2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};
