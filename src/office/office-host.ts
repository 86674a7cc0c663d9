/**
 * The task pane's WorkbookHost in Excel, over Office.js. Every method queues all its reads, syncs once,
 * decides, queues all its writes and syncs once more: a validation costs two round trips however many
 * findings there are (one more only when the sheet already holds notes whose cells must be located).
 */
import type { Locale } from '../engine/messages';
import { toA1, type SheetModel } from '../engine/sheet/sheet-model';
import type { TemplateSpec } from '../engine/template/template-spec';
import { HostError, type Mark, type Selection, type WorkbookHost } from '../host/workbook-host';
import { bareAddress } from './a1';
import {
  API,
  defaultIsSetSupported,
  defaultRun,
  describeError,
  requireApi,
  type ExcelRun,
  type IsSetSupported,
  type OfficeHostOptions,
} from './excel-api';
import { hostText } from './host-messages';
import { isNoFill, planMarks, type CellOp, type CellState } from './mark-plan';
import {
  emptyRecord,
  MARKS_SETTING,
  NO_FILL,
  parseRecord,
  serializeRecord,
  withSheet,
  type AnnotationKind,
  type FillState,
  type MarksRecord,
  type SheetMarks,
} from './marks-record';
import { loadHiddenLines } from './hidden-lines';
import { sheetFromRange } from './sheet-from-range';
import { drawTemplate, uniqueSheetName } from './draw-template';

const FILL_PROPS: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true, patternColor: true } } };

/** A note or comment as loaded from a sheet's collection; comments also carry their id. */
interface Annotation {
  content: string;
  id?: string;
}

/** What writeMarks needs to know about the sheet, read in the same sync as the sheet itself. */
interface Snapshot {
  sheetId: string;
  sheetName: string;
  protected: boolean;
  /** Fill of each cell read, by A1 address. */
  fills: Map<string, FillState>;
  annotation: AnnotationKind;
  annotations: Annotation[];
  record: MarksRecord;
  /** Date.now() when read: a snapshot older than SNAPSHOT_TTL_MS is not trusted for marking. */
  takenAt: number;
}

/** Validation takes milliseconds; a snapshot older than this means a person may have edited since. */
const SNAPSHOT_TTL_MS = 10_000;

function fillOf(props: Excel.CellProperties | undefined): FillState {
  const f = props?.format?.fill;
  if (!f || typeof f.color !== 'string') return NO_FILL;
  const pattern = typeof f.pattern === 'string' ? f.pattern : 'Solid';
  return f.patternColor && pattern !== 'Solid' && pattern !== 'None'
    ? { color: f.color, pattern, patternColor: f.patternColor }
    : { color: f.color, pattern };
}

function readRecord(setting: Excel.Setting): MarksRecord {
  if (setting.isNullObject) return emptyRecord();
  try {
    return parseRecord(setting.value);
  } catch (err) {
    // A record this version cannot read holds nothing it could restore; say so and start afresh.
    console.warn(`Rubric Check: ${describeError(err)}; earlier marks cannot be restored automatically.`);
    return emptyRecord();
  }
}

const sameMultiset = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
};

export class OfficeWorkbookHost implements WorkbookHost {
  private readonly locale: Locale;
  private readonly run: ExcelRun;
  private readonly supports: IsSetSupported;
  /** Handed from readActiveSheet to the writeMarks right after it, so marking needs no read of its own. */
  private snapshot: Snapshot | undefined;

  constructor(options: OfficeHostOptions = {}) {
    this.locale = options.locale ?? 'zh-CN';
    this.run = options.run ?? defaultRun;
    this.supports = options.isSetSupported ?? defaultIsSetSupported;
  }

  private text(key: Parameters<typeof hostText>[0], params: Record<string, string | number> = {}): string {
    return hostText(key, params, this.locale);
  }

  private annotationKind(): AnnotationKind {
    return this.supports('ExcelApi', API.notes) ? 'note' : 'comment';
  }

  /** Runs a batch, turning an Office failure into a HostError with `key`'s wording. */
  private async excel<T>(key: 'readFailed' | 'markFailed', batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (err) {
      if (err instanceof HostError) throw err;
      throw new HostError('failed', this.text(key, { detail: describeError(err) }));
    }
  }

  private loadAnnotations(ws: Excel.Worksheet, kind: AnnotationKind): () => Annotation[] {
    if (kind === 'note') {
      ws.notes.load('items/content');
      return () => ws.notes.items.map((n) => ({ content: n.content }));
    }
    ws.comments.load('items/content,items/id');
    return () => ws.comments.items.map((c) => ({ content: c.content, id: c.id }));
  }

  async readActiveSheet(): Promise<SheetModel> {
    requireApi(this.supports, API.read, 'feature.read', this.locale);
    const kind = this.annotationKind();
    this.snapshot = undefined;
    return this.excel('readFailed', async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('id,name');
      ws.protection.load('protected');
      // From A1, so row and column numbers in the model are the sheet's own.
      const grid = ws.getRange('A1').getBoundingRect(ws.getUsedRange(true));
      grid.load('values,formulas,valueTypes,numberFormat');
      const merged = grid.getMergedAreasOrNullObject();
      merged.load('address');
      const props = grid.getCellProperties(FILL_PROPS);
      const hidden = loadHiddenLines(grid);
      const annotations = this.loadAnnotations(ws, kind);
      const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
      setting.load('value');
      await context.sync();

      const sheet = sheetFromRange(ws.name, grid, merged.isNullObject ? null : merged.address, hidden());
      const fills = new Map<string, FillState>();
      props.value.forEach((row, r) => row.forEach((p, c) => fills.set(toA1(r, c), fillOf(p))));
      this.snapshot = {
        sheetId: ws.id,
        sheetName: ws.name,
        protected: ws.protection.protected,
        fills,
        annotation: kind,
        annotations: annotations(),
        record: readRecord(setting),
        takenAt: Date.now(),
      };
      return sheet;
    });
  }

  /** The snapshot when it covers this sheet and every cell marking will touch; used once. */
  private takeSnapshot(sheetName: string, cells: readonly string[]): Snapshot | undefined {
    const snap = this.snapshot;
    this.snapshot = undefined;
    if (!snap || snap.sheetName !== sheetName || Date.now() - snap.takenAt > SNAPSHOT_TTL_MS) return undefined;
    const prev = snap.record.sheets.find((s) => s.sheetId === snap.sheetId);
    const all = [...cells, ...Object.keys(prev?.cells ?? {})];
    return all.every((a) => snap.fills.has(a)) ? snap : undefined;
  }

  /** Reads what marking needs for just these cells of a named sheet: one sync. */
  private async readForMarks(context: Excel.RequestContext, sheetKey: string, cells: readonly string[]): Promise<Snapshot> {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheetKey);
    ws.load('id,name');
    ws.protection.load('protected');
    const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
    setting.load('value');
    await context.sync();
    if (ws.isNullObject) throw new HostError('failed', this.text('sheetMissing', { sheet: sheetKey }));
    const record = readRecord(setting);
    const prev = record.sheets.find((s) => s.sheetId === ws.id);
    const kind = prev?.annotation ?? this.annotationKind();
    const addresses = [...new Set([...cells, ...Object.keys(prev?.cells ?? {})])];
    const props = addresses.map((a) => ws.getRange(a).getCellProperties(FILL_PROPS));
    const annotations = this.loadAnnotations(ws, kind);
    await context.sync();
    return {
      sheetId: ws.id,
      sheetName: ws.name,
      protected: ws.protection.protected,
      fills: new Map(addresses.map((a, i) => [a, fillOf(props[i].value[0]?.[0])])),
      annotation: kind,
      annotations: annotations(),
      record,
      takenAt: Date.now(),
    };
  }

  /**
   * Where each note (or comment) on the sheet is. With none, or only the notes we wrote ourselves, the
   * record already says; otherwise one more sync asks Excel, since a note has no address property.
   */
  private async locate(context: Excel.RequestContext, ws: Excel.Worksheet, snap: Snapshot, prev: SheetMarks | undefined, kind: AnnotationKind) {
    const at = new Map<string, Annotation>();
    if (snap.annotations.length === 0) return at;
    if (kind === 'note' && prev && sameMultiset(snap.annotations.map((a) => a.content), Object.values(prev.cells).map((c) => c.markNote))) {
      for (const [address, cell] of Object.entries(prev.cells)) at.set(address, { content: cell.markNote });
      return at;
    }
    const found = snap.annotations.map((_, i) => {
      const item = kind === 'note' ? ws.notes.getItemAt(i) : ws.comments.getItemAt(i);
      item.load(kind === 'note' ? 'content' : 'content,id');
      const where = item.getLocation();
      where.load('address');
      return { item, where };
    });
    await context.sync();
    for (const { item, where } of found) {
      at.set(bareAddress(where.address), { content: item.content, id: kind === 'comment' ? (item as Excel.Comment).id : undefined });
    }
    return at;
  }

  /** Queues the plan's writes; nothing here reads, so the whole plan goes in one sync. */
  private queueOps(ws: Excel.Worksheet, kind: AnnotationKind, ops: readonly CellOp[], at: Map<string, Annotation>): void {
    for (const op of ops) {
      const range = ws.getRange(op.address);
      if (op.fill.kind === 'mark') {
        range.setCellProperties([[{ format: { fill: { color: op.fill.color, pattern: 'Solid' } } }]]);
      } else if (op.fill.kind === 'restore') {
        if (isNoFill(op.fill.fill)) range.format.fill.clear();
        else range.setCellProperties([[{ format: { fill: op.fill.fill as Excel.CellPropertiesFill } }]]);
      }
      const note = op.note;
      if (note.kind === 'keep') continue;
      if (kind === 'note') {
        if (note.kind === 'delete') ws.notes.getItem(op.address).delete();
        else if (note.exists) ws.notes.getItem(op.address).content = note.text;
        else ws.notes.add(op.address, note.text);
      } else {
        const id = at.get(op.address)?.id;
        if (note.kind === 'delete') {
          if (id) ws.comments.getItem(id).delete();
        } else if (note.exists && id) ws.comments.getItem(id).content = note.text;
        else ws.comments.add(range, note.text);
      }
    }
  }

  /** Plans and writes one sheet's marks in the open context; the record goes first, so a failure can be undone. */
  private async applyMarks(context: Excel.RequestContext, snap: Snapshot, marks: readonly Mark[]): Promise<{ old?: SheetMarks; next?: SheetMarks }> {
    const ws = context.workbook.worksheets.getItem(snap.sheetId);
    const prev = snap.record.sheets.find((s) => s.sheetId === snap.sheetId);
    const kind = prev?.annotation ?? snap.annotation;
    // Marks left as notes by a newer Excel can only be taken away where notes exist.
    if (kind === 'note') requireApi(this.supports, API.notes, 'feature.marks', this.locale);
    const at = await this.locate(context, ws, snap, prev, kind);
    const state = (address: string): CellState => ({ fill: snap.fills.get(address) ?? NO_FILL, note: at.get(address)?.content ?? null });
    const plan = planMarks(snap.sheetId, snap.sheetName, kind, prev, marks, state);
    context.workbook.settings.add(MARKS_SETTING, serializeRecord(withSheet(snap.record, snap.sheetId, plan.next)));
    this.queueOps(ws, kind, plan.ops, at);
    await context.sync();
    return { old: prev, next: plan.next };
  }

  async writeMarks(sheet: string, marks: Mark[]): Promise<void> {
    requireApi(this.supports, API.comments, 'feature.marks', this.locale);
    const snap = this.takeSnapshot(sheet, marks.map((m) => m.cell));
    let written: { old?: SheetMarks; next?: SheetMarks } | undefined;
    let sheetId: string | undefined;
    try {
      await this.run(async (context) => {
        const s = snap ?? (await this.readForMarks(context, sheet, marks.map((m) => m.cell)));
        sheetId = s.sheetId;
        // Checked before anything is queued: a protected sheet is refused untouched.
        if (s.protected) throw new HostError('protected', this.text('protected', { sheet: s.sheetName }));
        written = { old: s.record.sheets.find((x) => x.sheetId === s.sheetId) };
        written = await this.applyMarks(context, s, marks);
      });
    } catch (err) {
      if (err instanceof HostError) throw err;
      if (sheetId && written) await this.undoFailedWrite(sheetId, written.old).catch(() => undefined);
      throw new HostError('failed', this.text('markFailed', { detail: describeError(err) }));
    }
  }

  /**
   * After a write sync failed part-way: takes every mark on the sheet away again, using the record as
   * written (it goes first in the batch) merged with the one before, so no cell is left marked.
   */
  private async undoFailedWrite(sheetId: string, old: SheetMarks | undefined): Promise<void> {
    await this.run(async (context) => {
      const snap = await this.readForMarks(context, sheetId, Object.keys(old?.cells ?? {}));
      const current = snap.record.sheets.find((s) => s.sheetId === sheetId);
      const cells = { ...(old?.cells ?? {}), ...(current?.cells ?? {}) };
      for (const [address, c] of Object.entries(old?.cells ?? {})) {
        // A cell in both records still shows the old mark if the failed batch never reached it.
        const f = snap.fills.get(address);
        if (current?.cells[address] && f && f.color.toUpperCase() === c.markFill.toUpperCase()) cells[address] = c;
      }
      const merged: SheetMarks = { sheetId, sheetName: snap.sheetName, annotation: current?.annotation ?? old?.annotation ?? snap.annotation, cells };
      await this.applyMarks(context, { ...snap, record: withSheet(snap.record, sheetId, merged) }, []);
    });
  }

  async clearMarks(): Promise<number> {
    requireApi(this.supports, API.comments, 'feature.marks', this.locale);
    this.snapshot = undefined;
    return this.excel('markFailed', async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
      setting.load('value');
      await context.sync();
      const record = readRecord(setting);
      if (record.sheets.length === 0) return 0;

      const sheets = record.sheets.map((s) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(s.sheetId);
        ws.load('name');
        ws.protection.load('protected');
        return { marks: s, ws };
      });
      await context.sync();
      const alive = sheets.filter((s) => !s.ws.isNullObject);
      const locked = alive.find((s) => s.ws.protection.protected);
      if (locked) throw new HostError('protected', this.text('protectedRestore', { sheet: locked.ws.name }));
      if (alive.some((s) => s.marks.annotation === 'note')) requireApi(this.supports, API.notes, 'feature.marks', this.locale);

      // One read for every sheet's cells and notes, one (or, with notes to locate, two) more to write.
      const reads = alive.map(({ marks, ws }) => {
        const addresses = Object.keys(marks.cells);
        const props = addresses.map((a) => ws.getRange(a).getCellProperties(FILL_PROPS));
        return { marks, ws, addresses, props, annotations: this.loadAnnotations(ws, marks.annotation) };
      });
      await context.sync();
      let restored = 0;
      const plans = [];
      for (const r of reads) {
        const snap: Snapshot = {
          sheetId: r.marks.sheetId,
          sheetName: r.ws.name,
          protected: false,
          fills: new Map(r.addresses.map((a, i) => [a, fillOf(r.props[i].value[0]?.[0])])),
          annotation: r.marks.annotation,
          annotations: r.annotations(),
          record,
          takenAt: Date.now(),
        };
        plans.push({ r, snap, at: this.locateLazily(r.ws, snap, r.marks) });
        restored += r.addresses.length;
      }
      if (plans.some((p) => p.at === 'pending')) await context.sync();
      for (const { r, snap, at } of plans) {
        const located = at === 'pending' ? this.collectLocated(r.ws, snap) : at;
        const state = (address: string): CellState => ({ fill: snap.fills.get(address) ?? NO_FILL, note: located.get(address)?.content ?? null });
        const plan = planMarks(snap.sheetId, snap.sheetName, r.marks.annotation, r.marks, [], state);
        this.queueOps(r.ws, r.marks.annotation, plan.ops, located);
      }
      context.workbook.settings.add(MARKS_SETTING, serializeRecord(emptyRecord()));
      await context.sync();
      return restored;
    });
  }

  /** Queued location lookups, so several sheets share the one extra sync; see locate(). */
  private pendingLocations = new WeakMap<Snapshot, { item: Excel.Note | Excel.Comment; where: Excel.Range }[]>();

  private locateLazily(ws: Excel.Worksheet, snap: Snapshot, prev: SheetMarks): Map<string, Annotation> | 'pending' {
    if (snap.annotations.length === 0) return new Map();
    if (prev.annotation === 'note' && sameMultiset(snap.annotations.map((a) => a.content), Object.values(prev.cells).map((c) => c.markNote))) {
      return new Map(Object.entries(prev.cells).map(([a, c]) => [a, { content: c.markNote }]));
    }
    const kind = prev.annotation;
    this.pendingLocations.set(
      snap,
      snap.annotations.map((_, i) => {
        const item = kind === 'note' ? ws.notes.getItemAt(i) : ws.comments.getItemAt(i);
        item.load(kind === 'note' ? 'content' : 'content,id');
        const where = item.getLocation();
        where.load('address');
        return { item, where };
      }),
    );
    return 'pending';
  }

  private collectLocated(ws: Excel.Worksheet, snap: Snapshot): Map<string, Annotation> {
    const at = new Map<string, Annotation>();
    for (const { item, where } of this.pendingLocations.get(snap) ?? []) {
      at.set(bareAddress(where.address), { content: item.content, id: 'id' in item ? item.id : undefined });
    }
    return at;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.excel('readFailed', async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) throw new HostError('failed', this.text('sheetMissing', { sheet }));
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async getSelection(): Promise<Selection> {
    requireApi(this.supports, API.selection, 'feature.selection', this.locale);
    return this.excel('readFailed', async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load('address,rowIndex');
      // The active cell is always on the active sheet.
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await context.sync();
      return { sheet: ws.name, address: bareAddress(cell.address), row: cell.rowIndex };
    });
  }

  async insertSheet(spec: TemplateSpec): Promise<string> {
    requireApi(this.supports, API.template, 'feature.template', this.locale);
    return this.excel('markFailed', async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const name = uniqueSheetName(spec.sheetName, sheets.items.map((s) => s.name));
      const ws = sheets.add(name);
      drawTemplate(ws, spec);
      ws.activate();
      await context.sync();
      return name;
    });
  }

  async writeFormula(sheet: string, address: string, formula: string): Promise<void> {
    await this.excel('markFailed', async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('name');
      ws.protection.load('protected');
      await context.sync();
      if (ws.isNullObject) throw new HostError('failed', this.text('sheetMissing', { sheet }));
      if (ws.protection.protected) throw new HostError('protected', this.text('protected', { sheet }));
      ws.getRange(address).formulas = [[formula.startsWith('=') ? formula : `=${formula}`]];
      await context.sync();
    });
  }
}
