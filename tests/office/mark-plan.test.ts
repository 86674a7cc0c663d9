import { planMarks, type CellState } from '../../src/office/mark-plan';
import { NO_FILL, parseRecord, serializeRecord, withSheet, withIssueList, emptyRecord, findSheetMarks, sheetOfEntry, type SheetMarks } from '../../src/office/marks-record';
import { marksFromFindings, SEVERITY_FILL } from '../../src/office/marks';
import { splitAreas, rangeOf, bareAddress } from '../../src/office/a1';
import { GridSheet } from '../../src/engine/sheet/sheet-model';
import type { Finding } from '../../src/engine/validate/finding';

const YELLOW_USER = { color: '#FFFF00', pattern: 'Solid' };
const state = (cells: Record<string, Partial<CellState>>) => (a: string): CellState => ({ fill: cells[a]?.fill ?? NO_FILL, note: cells[a]?.note ?? null, comment: cells[a]?.comment ?? null });

describe('planMarks', () => {
  it('records the current state as the original of a newly marked cell', () => {
    const plan = planMarks('s1', 'S', 'note', undefined, [{ cell: 'E5', severity: 'error', note: 'n' }], state({ E5: { fill: YELLOW_USER, note: 'mine' } }));
    expect(plan.next?.cells.E5).toEqual({ fill: YELLOW_USER, note: 'mine', markFill: SEVERITY_FILL.error, markNote: 'n', annotation: 'note' });
    expect(plan.ops).toEqual([
      { address: 'E5', fill: { kind: 'mark', color: SEVERITY_FILL.error }, note: { kind: 'set', text: 'n', exists: true }, comment: { kind: 'keep' } },
    ]);
  });

  it('re-marking keeps the first original, not our own earlier mark', () => {
    const prev: SheetMarks = { sheetId: 's1', sheetName: 'S', annotation: 'note', cells: { E5: { fill: YELLOW_USER, note: null, markFill: SEVERITY_FILL.error, markNote: 'old' } } };
    const now = state({ E5: { fill: { color: SEVERITY_FILL.error, pattern: 'Solid' }, note: 'old' } });
    const plan = planMarks('s1', 'S', 'note', prev, [{ cell: 'E5', severity: 'warning', note: 'new' }], now);
    expect(plan.next?.cells.E5.fill).toEqual(YELLOW_USER);
    expect(plan.next?.cells.E5.note).toBeNull();
    expect(plan.ops[0].note).toEqual({ kind: 'set', text: 'new', exists: true });
  });

  it('restores a cell no longer marked, and drops it from the record', () => {
    const prev: SheetMarks = { sheetId: 's1', sheetName: 'S', annotation: 'note', cells: { E5: { fill: NO_FILL, note: 'u', markFill: SEVERITY_FILL.info, markNote: 'ours' } } };
    const plan = planMarks('s1', 'S', 'note', prev, [], state({ E5: { fill: { color: SEVERITY_FILL.info, pattern: 'Solid' }, note: 'ours' } }));
    expect(plan.next).toBeUndefined();
    expect(plan.ops).toEqual([
      { address: 'E5', fill: { kind: 'restore', fill: NO_FILL }, note: { kind: 'set', text: 'u', exists: true }, comment: { kind: 'keep' } },
    ]);
  });

  it('a note of ours that a person deleted gives back the original it covered', () => {
    const prev: SheetMarks = { sheetId: 's1', sheetName: 'S', annotation: 'note', cells: { E5: { fill: NO_FILL, note: 'user', markFill: SEVERITY_FILL.info, markNote: 'ours' } } };
    const plan = planMarks('s1', 'S', 'note', prev, [], state({ E5: { fill: { color: SEVERITY_FILL.info, pattern: 'Solid' }, note: null } }));
    expect(plan.ops[0].note).toEqual({ kind: 'set', text: 'user', exists: false });
  });

  it('writes nothing for a cell already in the wanted state', () => {
    const plan = planMarks('s1', 'S', 'note', undefined, [], state({}));
    expect(plan.ops).toEqual([]);
  });
});

describe('marks record', () => {
  it('round-trips through its JSON text', () => {
    const r = withSheet(emptyRecord(), undefined, { sheetId: 's1', sheetName: 'S', annotation: 'comment', cells: { A1: { fill: NO_FILL, note: null, markFill: '#FFC7CE', markNote: 'x' } } });
    expect(parseRecord(serializeRecord(r))).toEqual(r);
  });

  it('treats an absent setting as empty but refuses one it cannot read', () => {
    expect(parseRecord('')).toEqual(emptyRecord());
    expect(() => parseRecord('{"version":2}')).toThrow(/rubricCheck\.marks/);
    expect(() => parseRecord('{"version":1,"sheets":[{"sheetId":1}]}')).toThrow();
  });

  it('keeps the 问题清单 entry through withSheet, drops it with withIssueList, and refuses a malformed one', () => {
    const list = { sheetId: 'l1', sheetName: '问题清单' };
    const r = withIssueList(emptyRecord(), list);
    const marked = withSheet(r, undefined, { sheetId: 's1', sheetName: 'S', annotation: 'comment', cells: { A1: { fill: NO_FILL, note: null, markFill: '#FFC7CE', markNote: 'x', annotation: 'none' } } });
    expect(parseRecord(serializeRecord(marked)).issueList).toEqual(list);
    expect(withSheet(marked, marked.sheets[0], undefined).issueList).toEqual(list);
    expect(withIssueList(marked, undefined)).toEqual({ version: 1, sheets: marked.sheets });
    expect(() => parseRecord('{"version":1,"sheets":[],"issueList":{"sheetName":3}}')).toThrow(/rubricCheck\.marks/);
  });

  it('withSheet removes a sheet that marks nothing', () => {
    const r = withSheet(emptyRecord(), undefined, { sheetId: 's1', sheetName: 'S', annotation: 'note', cells: { A1: { fill: NO_FILL, note: null, markFill: '#FFC7CE', markNote: 'x' } } });
    expect(withSheet(r, r.sheets[0], undefined).sheets).toEqual([]);
  });
});

describe('marksFromFindings', () => {
  const f = (cell: string, severity: Finding['severity'], message: string): Finding => ({ code: 'SCORE_MISSING', severity, sheet: 'S', cell, message });

  it('one mark per cell, coloured by the worst severity, listing every finding', () => {
    const marks = marksFromFindings([f('E5', 'warning', 'w'), f('E5', 'error', 'e'), f('F6', 'info', 'i')], 'zh-CN');
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ cell: 'E5', severity: 'error' });
    expect(marks[0].note).toContain('w');
    expect(marks[0].note).toContain('e');
    expect(marks[0].note.startsWith('评分助手')).toBe(true);
  });

  it('a finding inside a merged range is marked on its top-left cell', () => {
    const sheet = new GridSheet('S', [[]], [{ top: 2, left: 0, bottom: 5, right: 0 }]);
    expect(marksFromFindings([f('A4', 'error', 'x')], 'en', sheet)[0].cell).toBe('A3');
  });
});

describe('A1 helpers', () => {
  it('splits a RangeAreas address, quoted sheet names with commas and quotes included', () => {
    expect(splitAreas("Sheet1!A1:B2, Sheet1!C3")).toEqual(['A1:B2', 'C3']);
    expect(splitAreas("'My, ''odd''!Sheet'!A3:A7,'My, ''odd''!Sheet'!$B$3:$B$4")).toEqual(['A3:A7', '$B$3:$B$4']);
    expect(rangeOf('$B$3:$B$4')).toEqual({ top: 2, left: 1, bottom: 3, right: 1 });
    expect(bareAddress("'a b'!$E$14")).toBe('E14');
  });
});
