/**
 * The add-in's figures for `npm run bench` (issue 5): Excel round trips per validation, counted on the
 * office-addin-mock simulation the adapter tests use (target 2); the task pane bundle's gzip size from
 * dist/ when a build is there (target ≤ 200 KB); and one validation of the example sheet, engine alone
 * and through the whole pane flow on the simulated Excel.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { loadRubricFile } from '../src/cli/rubric-file';
import { loadWorkbook } from '../src/cli/xlsx/read-workbook';
import { pickSheet } from '../src/cli/xlsx/pick-sheet';
import { validateSheet } from '../src/engine/validate/validate-sheet';
import { OfficeWorkbookHost } from '../src/office/office-host';
import { validateWorkbook } from '../src/office/validate-workbook';
import { ExcelSim } from '../tests/support/excel-sim';
import { EXAMPLE, median, ROOT, timeRuns, type BenchSection, type Figures } from './bench-util';

const gzipKb = (file: string): number => Number((gzipSync(readFileSync(file), { level: 9 }).length / 1024).toFixed(1));

export const officeSection: BenchSection = {
  name: 'task pane and Office adapter (issue 5)',
  about:
    'context.sync calls per validation of the example on the simulated Excel (target 2), also with a user note on the sheet; ' +
    'taskpane.js gzip from dist/ (target ≤ 200 KB; the shared-runtime page also loads commands.js and functions.js); ' +
    'one validation of the example: engine alone, and read + validate + mark on the simulated Excel',
  async run(): Promise<Figures> {
    const rubric = loadRubricFile();
    const { sheet } = pickSheet(await loadWorkbook(readFileSync(EXAMPLE), EXAMPLE), rubric, EXAMPLE);

    const syncsFor = async (userNote: boolean) => {
      const sim = new ExcelSim();
      const simSheet = sim.addModelSheet(sheet);
      if (userNote) simSheet.notes.push({ address: 'A1', content: '用户自己的批注' });
      const host = new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported });
      const result = await validateWorkbook(host, rubric);
      return { syncs: sim.syncCount, findings: result.findings.length };
    };
    const plain = await syncsFor(false);
    const withNote = await syncsFor(true);

    const engine = await timeRuns(() => validateSheet(sheet, rubric), 100, 5);
    const flow = await timeRuns(async () => {
      const sim = new ExcelSim();
      sim.addModelSheet(sheet);
      await validateWorkbook(new OfficeWorkbookHost({ run: sim.run, isSetSupported: sim.isSetSupported }), rubric);
    }, 30, 5);

    const dist = join(ROOT, 'dist');
    const bundle: Figures = {};
    if (existsSync(join(dist, 'taskpane.js'))) {
      bundle.taskpaneGzipKb = gzipKb(join(dist, 'taskpane.js'));
      const page = ['taskpane.js', 'commands.js', 'functions.js'].filter((f) => existsSync(join(dist, f)));
      bundle.sharedRuntimePageGzipKb = Number(page.reduce((kb, f) => kb + gzipKb(join(dist, f)), 0).toFixed(1));
    } else {
      bundle.taskpaneGzipKb = 'no dist/ build (run npm run build)';
    }

    return {
      syncsPerValidation: plain.syncs,
      syncsWithUserNote: withNote.syncs,
      findingsMarked: plain.findings,
      ...bundle,
      engineValidateMedianMs: Number(median(engine).toFixed(3)),
      paneFlowSimulatedMedianMs: Number(median(flow).toFixed(2)),
    };
  },
};
