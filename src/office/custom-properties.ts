/**
 * The workbook's custom document properties through Office.js (workbook.properties.custom, ExcelApi
 * 1.7): where the pane keeps the submission stamp, the same properties `validate --stamp` writes into
 * docProps/custom.xml. `add` creates a property or sets an existing one of that key.
 */
import type { ExcelRun } from './excel-api';

export async function readCustomProperties(run: ExcelRun): Promise<Record<string, string>> {
  return run(async (context) => {
    const custom = context.workbook.properties.custom;
    custom.load('items/key,items/value');
    await context.sync();
    return Object.fromEntries(custom.items.map((p) => [p.key, String(p.value)]));
  });
}

/** All values in one sync: the stamp is written whole or not at all. */
export async function writeCustomProperties(run: ExcelRun, values: readonly [string, string][]): Promise<void> {
  await run(async (context) => {
    const custom = context.workbook.properties.custom;
    for (const [key, value] of values) custom.add(key, value);
    await context.sync();
  });
}
