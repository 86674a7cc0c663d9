import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { marksFromFindings, SEVERITY_FILL } from '../../src/office/marks';
import { MemoryHost } from '../../src/playground/memory-host';
import { cloneBook } from '../../src/playground/workbook-model';
import { readXlsx } from '../../src/playground/xlsx-read';
import { plantedWorkbook } from '../e2e/planted-workbook';
import { loadBundled } from '../rubric/bundled';

// The browser test's fixture, checked here without a browser: the same workbook through the same host.
describe('the planted workbook in the memory host', () => {
  test('validation finds exactly the planted defects, and marking then clearing gives back every fill and note', async () => {
    const rubric = loadBundled();
    const fixture = await plantedWorkbook(rubric);
    const { book } = await readXlsx(fixture.bytes, 'planted.xlsx');
    const before = cloneBook(book);
    const host = new MemoryHost(book, { rubric });
    expect(host.workbook.active).toBe(fixture.sheet);

    const result = validateSheet(await host.readActiveSheet(), rubric);
    const found = new Map(
      result.findings.map((f) => [f.cell, { code: f.code, severity: f.severity, ...(f.clauseId ? { clauseId: f.clauseId } : {}) }]),
    );
    expect(found).toEqual(fixture.planted);
    expect(result.findings).toHaveLength(fixture.planted.size);

    // The user's fills and notes arrived in the host as planted.
    const cells = host.workbook.sheets.find((s) => s.name === fixture.sheet)!.cells;
    for (const [a, hex] of fixture.userFills) expect([a, cells.get(a)?.fill]).toEqual([a, hex]);
    for (const [a, text] of fixture.userNotes) expect([a, cells.get(a)?.note]).toEqual([a, text]);

    await host.writeMarks(fixture.sheet, marksFromFindings(result.findings, 'zh-CN', await host.readActiveSheet()));
    for (const [a, p] of fixture.planted) expect([a, cells.get(a)?.fill]).toEqual([a, SEVERITY_FILL[p.severity]]);
    expect(await host.clearMarks()).toBe(fixture.planted.size);
    expect(host.workbook).toEqual(before);
  });
});
