/**
 * The task pane's WorkbookHost in Excel, over Office.js. Every method queues all its reads, syncs once,
 * decides, queues all its writes and syncs once more: a validation costs two round trips however many
 * findings there are (one more only when the sheet already holds notes whose cells must be located).
 *
 * Older Excel (2016, 2019) is served with what it has, each member at the ExcelApi version in API
 * (src/office/excel-api.ts): no merged areas, hidden lines cell by cell or not at all, fills through
 * RangeFill, the record in the document settings, and where neither notes nor comments exist a
 * 「问题清单」 sheet (src/office/issue-list-sheet.ts). `takeNotices()` says what could not be done.
 */
import { readCustomProperties, writeCustomProperties } from './custom-properties';
import type { Locale } from '../engine/messages';
import { columnLetters, type SheetModel } from '../engine/sheet/sheet-model';
import type { Finding } from '../engine/validate/finding';
import { issueListRows, issueListSheetName, type IssueListRow } from '../engine/validate/issue-list';
import type { TemplateSpec } from '../engine/template/template-spec';
import { HostError, type ComparisonInsert, type Mark, type Selection, type WorkbookHost } from '../host/workbook-host';
import { exclusive } from '../host/workbook-lock';
import { bareAddress } from './a1';
import {
  API,
  defaultIsSetSupported,
  defaultRun,
  describeError,
  excelsWith,
  requireApi,
  type ExcelRun,
  type IsSetSupported,
  type OfficeHostOptions,
} from './excel-api';
import type { HiddenLineApi } from './hidden-lines';
import { drawIssueList, readIssueLists } from './issue-list-sheet';
import { documentStore, officeDocumentSettings, workbookStore, type DocumentSettings, type RecordStore } from './marks-store';
import { hostText } from './host-messages';
import { cellsWrittenAs, isNoFill, planMarks, type CellOp, type CellState, type MarkPlan, type NoteOp } from './mark-plan';
import {
  findSheetMarks,
  NO_FILL,
  serializeRecord,
  sheetOfEntry,
  withIssueList,
  withSheet,
  type AnnotationKind,
  type CellAnnotation,
  type FillState,
  type MarksRecord,
  type SheetMarks,
} from './marks-record';
import { FIRST_BLOCK, isTooLarge, joinBlocks, queueBlock, readRowBlocks, type Block, type ReadApis } from './read-blocks';
import { sheetFromRange } from './sheet-from-range';
import { drawComparisonSheet, drawRankingChart } from './draw-comparison';
import { drawTemplate, uniqueSheetName } from './draw-template';

export interface ExcelHostOptions extends OfficeHostOptions {
  /** Where the marks record is kept below ExcelApi 1.4; defaults to Office.context.document.settings. */
  documentSettings?: DocumentSettings;
}

const FILL_PROPS: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true, patternColor: true } } };

/** A note or comment as loaded from a sheet's collection; comments also carry their id. */
interface Annotation {
  content: string;
  id?: string;
}

/** A sheet's notes and comments as read; null where this Excel has no such API. */
interface Annotations {
  notes: Annotation[] | null;
  comments: Annotation[] | null;
}

/** Where each note and each comment is, by A1 address. */
interface Located {
  notes: Map<string, Annotation>;
  comments: Map<string, Annotation>;
}

/** What writeMarks needs to know about the sheet, read in the same sync as the sheet itself. */
interface Snapshot extends Annotations {
  sheetId: string;
  sheetName: string;
  protected: boolean;
  /** Fill of each cell read, by A1 address. */
  fills: Map<string, FillState>;
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

/**
 * RangeFill.color alone (before ExcelApi 1.9): "No Fill" reads as #FFFFFF like a white fill
 * (office-js #6218, #4900), so white is taken for no fill and restored as such (it looks the same).
 */
function fillOfColor(color: unknown): FillState {
  return typeof color !== 'string' || color.toUpperCase() === '#FFFFFF' ? NO_FILL : { color, pattern: 'Solid' };
}

const sameMultiset = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
};

const isNewComment = (op: NoteOp): boolean => op.kind === 'set' && !op.exists;

/** How Excel refuses a write on a protected sheet (before ExcelApi 1.2 protection cannot be read first). */
const ACCESS_DENIED = /AccessDenied/i;

/** How Excel refuses a threaded comment on a cell that holds a note. */
const REFUSED = /InvalidArgument|note/i;

/** Cells listed in a message: the first few, then "…". */
const cellList = (cells: readonly string[]): string => (cells.length > 8 ? `${cells.slice(0, 8).join('、')}…` : cells.join('、'));

export class OfficeWorkbookHost implements WorkbookHost {
  private readonly locale: Locale;
  private readonly run: ExcelRun;
  private readonly supports: IsSetSupported;
  private readonly documentSettings: DocumentSettings | undefined;
  /** Handed from readActiveSheet to the writeMarks right after it, so marking needs no read of its own. */
  private snapshot: Snapshot | undefined;
  /** What this Excel could not do in the last validation, for the pane to say once. */
  private notices: string[] = [];

  constructor(options: ExcelHostOptions = {}) {
    this.locale = options.locale ?? 'zh-CN';
    this.run = options.run ?? defaultRun;
    this.supports = options.isSetSupported ?? defaultIsSetSupported;
    this.documentSettings = options.documentSettings ?? officeDocumentSettings();
  }

  takeNotices(): string[] {
    const said = this.notices;
    this.notices = [];
    return said;
  }

  private level(version: string): boolean {
    return this.supports('ExcelApi', version);
  }

  private readApis(): ReadApis {
    const hidden: HiddenLineApi = this.level(API.cellProperties) ? 'properties' : this.level(API.basics2) ? 'cells' : 'none';
    return { merges: this.level(API.merges), hidden };
  }

  /** Workbook settings from ExcelApi 1.4, else the common API's document settings. */
  private store(): RecordStore {
    if (this.level(API.settings)) return workbookStore;
    if (this.documentSettings) return documentStore(this.documentSettings);
    throw new HostError('unsupported', this.text('unsupported', { feature: this.text('feature.record'), version: API.settings, excel: excelsWith(API.settings, this.locale) }));
  }

  /** Queues the protection flag where Excel has it (ExcelApi 1.2); below, a write is refused at sync instead. */
  private queueProtected(ws: Excel.Worksheet): () => boolean {
    if (!this.level(API.basics2)) return () => false;
    ws.protection.load('protected');
    return () => ws.protection.protected;
  }

  /** Queues the fills of these cells: getCellProperties from ExcelApi 1.9, else RangeFill.color. */
  private queueFills(ws: Excel.Worksheet, addresses: readonly string[]): () => Map<string, FillState> {
    if (this.level(API.cellProperties)) {
      const props = addresses.map((a) => ws.getRange(a).getCellProperties(FILL_PROPS));
      return () => new Map(addresses.map((a, i) => [a, fillOf(props[i].value[0]?.[0])]));
    }
    const fills = addresses.map((a) => {
      const fill = ws.getRange(a).format.fill;
      fill.load('color');
      return fill;
    });
    return () => new Map(addresses.map((a, i) => [a, fillOfColor(fills[i].color)]));
  }

  /**
   * The sheet with this id or name, its id and name read at the caller's next sync: ExcelApi 1.4's
   * getItemOrNullObject, or below it the list of sheets (one sync here).
   */
  private async sheetByKey(context: Excel.RequestContext, key: string): Promise<{ ws?: Excel.Worksheet; found: () => { id: string; name: string } | undefined }> {
    if (this.level(API.settings)) {
      // Read only by `found`, which the caller calls after its sync.
      const queued = { ws: context.workbook.worksheets.getItemOrNullObject(key) };
      queued.ws.load('id,name');
      return { ws: queued.ws, found: () => (queued.ws.isNullObject ? undefined : { id: queued.ws.id, name: queued.ws.name }) };
    }
    const sheets = context.workbook.worksheets;
    sheets.load('items/id,items/name');
    await context.sync();
    const all = sheets.items.map((w) => ({ id: w.id, name: w.name }));
    const hit = all.find((w) => w.id === key) ?? all.find((w) => w.name.toLowerCase() === key.toLowerCase());
    return hit ? { ws: sheets.getItem(hit.id), found: () => hit } : { found: () => undefined };
  }

  private text(key: Parameters<typeof hostText>[0], params: Record<string, string | number> = {}): string {
    return hostText(key, params, this.locale);
  }

  private has(kind: AnnotationKind): boolean {
    return this.supports('ExcelApi', kind === 'note' ? API.notes : API.comments);
  }

  /** How this Excel writes a new mark's message: notes, else threaded comments, else the fill alone. */
  private preferredKind(): CellAnnotation {
    if (this.has('note')) return 'note';
    return this.has('comment') ? 'comment' : 'none';
  }

  /**
   * Refuses, before anything is written, to touch recorded marks whose messages were written with an
   * API this Excel lacks (notes made in Microsoft 365, opened in Excel 2021): it says which cells and
   * which Excel can take them away.
   */
  private requireKindsOf(entries: readonly (SheetMarks | undefined)[]): void {
    for (const kind of ['note', 'comment'] as const) {
      if (this.has(kind)) continue;
      const cells = entries.flatMap((e) => cellsWrittenAs(e, kind));
      if (cells.length === 0) continue;
      throw new HostError(
        'unsupported',
        this.text('annotationApiMissing', {
          count: cells.length,
          cells: cellList(cells),
          kind: this.text(kind === 'note' ? 'kind.note' : 'kind.comment'),
          version: kind === 'note' ? API.notes : API.comments,
          where: this.text(kind === 'note' ? 'where.note' : 'where.comment'),
        }),
      );
    }
  }

  /** Runs a batch, turning an Office failure into a HostError with `key`'s wording. */
  private async excel<T>(key: 'readFailed' | 'markFailed' | 'clearFailed', batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (err) {
      if (err instanceof HostError) throw err;
      throw new HostError('failed', this.text(key, { detail: describeError(err) }));
    }
  }

  /** Queues the load of the sheet's notes and comments, each only where this Excel has the API. */
  private loadAnnotations(ws: Excel.Worksheet): () => Annotations {
    const notes = this.has('note');
    const comments = this.has('comment');
    if (notes) ws.notes.load('items/content');
    if (comments) ws.comments.load('items/content,items/id');
    return () => ({
      notes: notes ? ws.notes.items.map((n) => ({ content: n.content })) : null,
      comments: comments ? ws.comments.items.map((c) => ({ content: c.content, id: c.id })) : null,
    });
  }

  /**
   * The active sheet from A1 to the end of its used range. The first sync reads the sheet's size, the
   * record, the notes and comments and a first block of 200 rows × 100 columns (all of a usual sheet);
   * larger sheets are read in further row blocks, one sync each (src/office/read-blocks.ts). Fills
   * are not read here: writeMarks reads them for the cells it marks and no others.
   */
  async readActiveSheet(): Promise<SheetModel> {
    requireApi(this.supports, API.read, 'feature.read', this.locale);
    this.snapshot = undefined;
    this.notices = [];
    const apis = this.readApis();
    const store = this.store();
    // getUsedRange(valuesOnly) is ExcelApi 1.2; before it the used range also covers formatted cells.
    const valuesOnly = this.level(API.basics2);
    return this.excel('readFailed', async (context) => {
      const queueMeta = () => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load('id,name');
        const isProtected = this.queueProtected(ws);
        const used = ws.getRange('A1').getBoundingRect(valuesOnly ? ws.getUsedRange(true) : ws.getUsedRange());
        used.load('rowCount,columnCount');
        const annotations = this.loadAnnotations(ws);
        const record = store.load(context);
        return { ws, used, annotations, record, isProtected };
      };
      let meta = queueMeta();
      const box = `A1:${columnLetters(FIRST_BLOCK.cols - 1)}${FIRST_BLOCK.rows}`;
      let first: (() => Block) | undefined = queueBlock(meta.ws, meta.used.getIntersection(meta.ws.getRange(box)), 0, FIRST_BLOCK, apis);
      try {
        await context.sync();
      } catch (err) {
        // Even the first block was too large for Excel (very long texts): read the size alone, then blocks.
        if (!isTooLarge(err)) throw err;
        first = undefined;
        meta = queueMeta();
        await context.sync();
      }
      const { ws, used } = meta;
      const rows = used.rowCount;
      const cols = used.columnCount;
      const fits = first !== undefined && rows <= FIRST_BLOCK.rows && cols <= FIRST_BLOCK.cols;
      const blocks = fits && first ? [first()] : await readRowBlocks(context, ws, rows, cols, apis);
      const joined = joinBlocks(blocks);
      // Cell-by-cell lookups of the first block reach past a small sheet's used range.
      const hidden = {
        hiddenRows: new Set([...joined.hidden.hiddenRows].filter((r) => r < rows)),
        hiddenCols: new Set([...joined.hidden.hiddenCols].filter((c) => c < cols)),
      };
      if (apis.hidden === 'none') this.notices.push(this.text('hiddenUnknown'));
      const sheet = sheetFromRange(ws.name, joined.grid, joined.merged, hidden);
      this.snapshot = {
        sheetId: ws.id,
        sheetName: ws.name,
        protected: meta.isProtected(),
        fills: new Map(),
        ...meta.annotations(),
        record: meta.record(),
        takenAt: Date.now(),
      };
      return sheet;
    });
  }

  /** The snapshot of this sheet from the read just before, when still fresh; used once. */
  private takeSnapshot(sheetName: string): Snapshot | undefined {
    const snap = this.snapshot;
    this.snapshot = undefined;
    if (!snap || snap.sheetName !== sheetName || Date.now() - snap.takenAt > SNAPSHOT_TTL_MS) return undefined;
    return snap;
  }

  /** The fills of just the cells marking touches (new marks and recorded ones): one sync. */
  private async withFills(context: Excel.RequestContext, snap: Snapshot, cells: readonly string[]): Promise<Snapshot> {
    const prev = findSheetMarks(snap.record, snap.sheetId, snap.sheetName);
    const addresses = [...new Set([...cells, ...Object.keys(prev?.cells ?? {})])];
    if (addresses.length === 0) return snap;
    const ws = context.workbook.worksheets.getItem(snap.sheetId);
    const fills = this.queueFills(ws, addresses);
    await context.sync();
    return { ...snap, fills: fills() };
  }

  /** Reads what marking needs for just these cells of a named sheet: one sync. */
  private async readForMarks(context: Excel.RequestContext, sheetKey: string, cells: readonly string[]): Promise<Snapshot> {
    const { ws, found } = await this.sheetByKey(context, sheetKey);
    const isProtected = ws ? this.queueProtected(ws) : () => false;
    const loadRecord = this.store().load(context);
    await context.sync();
    const at = found();
    if (!ws || !at) throw new HostError('failed', this.text('sheetMissing', { sheet: sheetKey }));
    const record = loadRecord();
    const prev = findSheetMarks(record, at.id, at.name);
    const addresses = [...new Set([...cells, ...Object.keys(prev?.cells ?? {})])];
    const fills = this.queueFills(ws, addresses);
    const annotations = this.loadAnnotations(ws);
    await context.sync();
    return {
      sheetId: at.id,
      sheetName: at.name,
      protected: isProtected(),
      fills: fills(),
      ...annotations(),
      record,
      takenAt: Date.now(),
    };
  }

  /**
   * Queues the lookups that say where each note and comment is, or answers from the record when it
   * already says (only notes we wrote ourselves). 'pending' means one more sync is needed, after which
   * collect() gives the answer: a note has no address property, and a comment's id is needed to edit it.
   */
  private locate(ws: Excel.Worksheet, snap: Snapshot, prev: SheetMarks | undefined): { collect: () => Located; pending: boolean } {
    const notes = snap.notes ?? [];
    const comments = snap.comments ?? [];
    const ours = prev ? cellsWrittenAs(prev, 'note') : [];
    const notesFromRecord =
      notes.length === 0 || (prev !== undefined && sameMultiset(notes.map((a) => a.content), ours.map((a) => prev.cells[a].markNote)));
    const queue = (kind: AnnotationKind, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const item = kind === 'note' ? ws.notes.getItemAt(i) : ws.comments.getItemAt(i);
        item.load(kind === 'note' ? 'content' : 'content,id');
        const where = item.getLocation();
        where.load('address');
        return { item, where };
      });
    const noteLookups = notesFromRecord ? [] : queue('note', notes.length);
    const commentLookups = queue('comment', comments.length);
    const collect = (): Located => {
      const at: Located = { notes: new Map(), comments: new Map() };
      if (notesFromRecord && prev) for (const a of ours) at.notes.set(a, { content: prev.cells[a].markNote });
      for (const { item, where } of noteLookups) at.notes.set(bareAddress(where.address), { content: item.content });
      for (const { item, where } of commentLookups) {
        at.comments.set(bareAddress(where.address), { content: item.content, id: (item as Excel.Comment).id });
      }
      return at;
    };
    return { collect, pending: noteLookups.length + commentLookups.length > 0 };
  }

  private stateOf(snap: Snapshot, at: Located): (address: string) => CellState {
    return (address) => ({
      fill: snap.fills.get(address) ?? NO_FILL,
      note: at.notes.get(address)?.content ?? null,
      comment: at.comments.get(address)?.content ?? null,
    });
  }

  /**
   * Queues the plan's writes; nothing here reads, so the whole plan goes in one sync. New comments go
   * last, so when Excel refuses one (a cell holding a note this Excel cannot see) every fill is in.
   */
  private queueOps(ws: Excel.Worksheet, ops: readonly CellOp[], at: Located): void {
    // Before ExcelApi 1.9 a fill is written as RangeFill.color (solid; a pattern cannot be put back).
    const cellProps = this.level(API.cellProperties);
    for (const op of ops) {
      const range = ws.getRange(op.address);
      if (op.fill.kind === 'mark') {
        if (cellProps) range.setCellProperties([[{ format: { fill: { color: op.fill.color, pattern: 'Solid' } } }]]);
        else range.format.fill.color = op.fill.color;
      } else if (op.fill.kind === 'restore') {
        if (isNoFill(op.fill.fill)) range.format.fill.clear();
        else if (cellProps) range.setCellProperties([[{ format: { fill: op.fill.fill as Excel.CellPropertiesFill } }]]);
        else range.format.fill.color = op.fill.fill.color;
      }
      // Comments before notes: a comment of ours is gone before a note takes its cell.
      if (!isNewComment(op.comment)) this.queueComment(ws, range, op.address, op.comment, at);
      this.queueNote(ws, op.address, op.note);
    }
    for (const op of ops) if (isNewComment(op.comment)) this.queueComment(ws, ws.getRange(op.address), op.address, op.comment, at);
  }

  private queueNote(ws: Excel.Worksheet, address: string, note: NoteOp): void {
    if (note.kind === 'keep') return;
    if (note.kind === 'delete') ws.notes.getItem(address).delete();
    else if (note.exists) ws.notes.getItem(address).content = note.text;
    else ws.notes.add(address, note.text);
  }

  private queueComment(ws: Excel.Worksheet, range: Excel.Range, address: string, comment: NoteOp, at: Located): void {
    if (comment.kind === 'keep') return;
    const id = at.comments.get(address)?.id;
    if (comment.kind === 'delete') {
      if (id) ws.comments.getItem(id).delete();
    } else if (comment.exists && id) ws.comments.getItem(id).content = comment.text;
    else ws.comments.add(range, comment.text);
  }

  /**
   * Plans and writes one sheet's marks in the open context; the record goes first, so a failure can be
   * undone. `list`: the 问题清单 rows to write (replacing the pane's earlier list), [] to remove that
   * list, undefined to leave it as it is. The new list goes last, and its id into the record after.
   */
  private async applyMarks(
    context: Excel.RequestContext,
    snap: Snapshot,
    marks: readonly Mark[],
    list?: readonly IssueListRow[],
  ): Promise<{ old?: SheetMarks; next?: SheetMarks }> {
    const store = this.store();
    const ws = context.workbook.worksheets.getItem(snap.sheetId);
    const prev = findSheetMarks(snap.record, snap.sheetId, snap.sheetName);
    this.requireKindsOf([prev]);
    const where = this.locate(ws, snap, prev);
    if (where.pending) await context.sync();
    const at = where.collect();
    const plan = planMarks(snap.sheetId, snap.sheetName, this.preferredKind(), prev, marks, this.stateOf(snap, at));
    const lists = list !== undefined && (list.length > 0 || snap.record.issueList) ? await readIssueLists(context, snap.record) : undefined;
    const listName = lists && list && list.length > 0 ? uniqueSheetName(issueListSheetName(this.locale), lists.taken) : undefined;
    // The record's list entry changes only once the list itself has (replaceIssueList).
    let kept = snap.record;
    const record = (next: SheetMarks | undefined) => serializeRecord(withSheet(kept, prev, next));
    await store.write(context, record(plan.next));
    this.queueOps(ws, plan.ops, at);
    try {
      await context.sync();
    } catch (err) {
      // Where notes cannot be read, a cell may hold a note this Excel cannot see, and Excel refuses a
      // threaded comment there: those cells keep the fill alone.
      const next = snap.notes === null ? await this.withoutHiddenNotes(context, ws, plan, err) : undefined;
      if (!next) throw err;
      await store.write(context, record(next));
      await context.sync();
      return { old: prev, next };
    }
    if (lists) {
      kept = await this.replaceIssueList(context, kept, lists.ours, listName, list ?? []);
      await store.write(context, record(plan.next));
      if (store.queued) await context.sync();
    }
    return { old: prev, next: plan.next };
  }

  /**
   * After the marks are in: removes the pane's old 问题清单 and adds the new one (when `name` is given),
   * in a sync of their own, since adding or deleting a sheet is refused where the workbook's structure
   * is protected; then the marks stay, the messages are in the pane's list, and the pane says so.
   * Returns the record with the list entry as the workbook now has it.
   */
  private async replaceIssueList(
    context: Excel.RequestContext,
    record: MarksRecord,
    ours: { id: string; name: string } | undefined,
    name: string | undefined,
    rows: readonly IssueListRow[],
  ): Promise<MarksRecord> {
    if (ours) context.workbook.worksheets.getItem(ours.id).delete();
    const added = name && rows.length > 0 ? this.queueIssueList(context, name, rows) : undefined;
    try {
      await context.sync();
    } catch (err) {
      this.notices.push(this.text('issueListFailed', { detail: describeError(err) }));
      const now = await readIssueLists(context, record);
      return withIssueList(record, now.ours ? record.issueList : undefined);
    }
    if (!added || !name) return withIssueList(record, undefined);
    this.notices.push(this.text('issueListInstead', { sheet: name }));
    return withIssueList(record, { sheetId: added.id, sheetName: name });
  }

  /** Queues a new 问题清单 sheet with these rows; its id is readable after the sync. */
  private queueIssueList(context: Excel.RequestContext, name: string, rows: readonly IssueListRow[]): Excel.Worksheet {
    const ws = context.workbook.worksheets.add(name);
    drawIssueList(ws, rows, this.locale, { hyperlink: this.level(API.hyperlink), widths: this.level(API.basics2), freeze: this.level(API.hyperlink) });
    ws.load('id');
    return ws;
  }

  /**
   * After a batch failed on a host that cannot read notes: when every fill went in and only new
   * comments are missing, adds them again one refusal at a time (Excel stops at the first refused op,
   * so the first comment still missing is on a cell holding a note; that cell keeps the fill alone)
   * and returns the record to write. Undefined when the failure was something else, for the undo.
   */
  private async withoutHiddenNotes(context: Excel.RequestContext, ws: Excel.Worksheet, plan: MarkPlan, err: unknown): Promise<SheetMarks | undefined> {
    let pending = plan.ops.filter((o) => isNewComment(o.comment)).map((o) => o.address);
    if (!plan.next || pending.length === 0 || !REFUSED.test(describeError(err))) return undefined;
    const next: SheetMarks = { ...plan.next, cells: { ...plan.next.cells } };
    const marked = plan.ops.flatMap((o) => (o.fill.kind === 'mark' ? [{ address: o.address, color: o.fill.color }] : []));
    for (;;) {
      const fills = this.queueFills(ws, marked.map((m) => m.address));
      const present = await this.commentsNow(context, ws);
      const now = fills();
      if (!marked.every((m) => (now.get(m.address) ?? NO_FILL).color.toUpperCase() === m.color.toUpperCase())) return undefined;
      pending = pending.filter((a) => present.get(a) !== next.cells[a].markNote);
      const [culprit, ...rest] = pending;
      if (!culprit) return next;
      next.cells[culprit] = { ...next.cells[culprit], annotation: 'none', note: null };
      pending = rest;
      if (pending.length === 0) return next;
      for (const a of pending) ws.comments.add(ws.getRange(a), next.cells[a].markNote);
      try {
        // Only after a refusal, once per cell that holds a hidden note: rare, and each try needs the last one's answer.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        return next;
      } catch (again) {
        if (!REFUSED.test(describeError(again))) throw again;
      }
    }
  }

  /** Every comment on the sheet by address: two syncs (the collection, then where each one is). */
  private async commentsNow(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<Map<string, string>> {
    ws.comments.load('items/content');
    await context.sync();
    const found = ws.comments.items.map((_, i) => {
      const item = ws.comments.getItemAt(i);
      item.load('content');
      const where = item.getLocation();
      where.load('address');
      return { item, where };
    });
    await context.sync();
    return new Map(found.map(({ item, where }) => [bareAddress(where.address), item.content]));
  }

  /**
   * `findings` (the ones behind `marks`) make the 问题清单 sheet where this Excel has neither notes nor
   * comments; elsewhere they remove a list an older Excel left. Without them the list is left alone.
   */
  async writeMarks(sheet: string, marks: Mark[], findings?: readonly Finding[]): Promise<void> {
    const snap = this.takeSnapshot(sheet);
    const list = findings === undefined ? undefined : this.preferredKind() === 'none' ? issueListRows(findings, this.locale) : [];
    let written: { old?: SheetMarks; next?: SheetMarks } | undefined;
    let sheetId: string | undefined;
    try {
      await this.run(async (context) => {
        const cells = marks.map((m) => m.cell);
        // Checked before anything is read or queued: a protected sheet is refused untouched.
        if (snap?.protected) throw new HostError('protected', this.text('protected', { sheet: snap.sheetName }));
        const s = snap ? await this.withFills(context, snap, cells) : await this.readForMarks(context, sheet, cells);
        sheetId = s.sheetId;
        if (s.protected) throw new HostError('protected', this.text('protected', { sheet: s.sheetName }));
        written = { old: findSheetMarks(s.record, s.sheetId, s.sheetName) };
        written = await this.applyMarks(context, s, marks, list);
      });
    } catch (err) {
      if (err instanceof HostError) throw err;
      if (sheetId && written) await this.undoFailedWrite(sheetId, written.old).catch(() => undefined);
      if (ACCESS_DENIED.test(describeError(err))) throw new HostError('protected', this.text('protected', { sheet }));
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
      const current = findSheetMarks(snap.record, snap.sheetId, snap.sheetName);
      const cells = { ...(old?.cells ?? {}), ...(current?.cells ?? {}) };
      for (const [address, c] of Object.entries(old?.cells ?? {})) {
        // A cell in both records still shows the old mark if the failed batch never reached it.
        const f = snap.fills.get(address);
        if (current?.cells[address] && f && f.color.toUpperCase() === c.markFill.toUpperCase()) cells[address] = c;
      }
      const annotation = current?.annotation ?? old?.annotation ?? 'comment';
      const merged: SheetMarks = { sheetId: snap.sheetId, sheetName: snap.sheetName, annotation, cells };
      const others = snap.record.sheets.filter((s) => s !== current);
      await this.applyMarks(context, { ...snap, record: { ...snap.record, sheets: [...others, merged] } }, []);
    });
  }

  clearMarks(): Promise<number> {
    this.snapshot = undefined;
    return exclusive(() => this.restoreAll());
  }

  private restoreAll(): Promise<number> {
    return this.excel('clearFailed', async (context) => {
      const store = this.store();
      const loadRecord = store.load(context);
      await context.sync();
      const record = loadRecord();
      if (record.sheets.length === 0 && !record.issueList) return 0;

      const worksheets = context.workbook.worksheets;
      const lists = record.issueList ? await readIssueLists(context, record) : undefined;
      worksheets.load('items/id,items/name');
      await context.sync();
      const now = worksheets.items.map((w) => ({ id: w.id, name: w.name }));
      const found = record.sheets.map((marks) => ({ marks, at: sheetOfEntry(marks, now) }));
      // An entry whose sheet cannot be found now (deleted, or renamed in another session) is kept: it
      // is the only copy of those cells' originals.
      const missing = found.filter((f) => !f.at).map((f) => f.marks);
      const sheets = found.flatMap(({ marks, at }) => {
        if (!at) return [];
        const ws = worksheets.getItem(at.id);
        return [{ marks, ws, name: at.name, id: at.id, isProtected: this.queueProtected(ws) }];
      });
      if (sheets.length === 0 && !lists?.ours) return 0;
      this.requireKindsOf(sheets.map((s) => s.marks));
      await context.sync();
      const locked = sheets.find((s) => s.isProtected());
      if (locked) throw new HostError('protected', this.text('protectedRestore', { sheet: locked.name }));

      // One read for every sheet's cells and notes, one (or, with notes or comments to locate, two) more to write.
      const reads = sheets.map((s) => {
        const addresses = Object.keys(s.marks.cells);
        return { ...s, addresses, fills: this.queueFills(s.ws, addresses), annotations: this.loadAnnotations(s.ws) };
      });
      await context.sync();
      let restored = 0;
      const plans = reads.map((r) => {
        const snap: Snapshot = {
          sheetId: r.id,
          sheetName: r.name,
          protected: false,
          fills: r.fills(),
          ...r.annotations(),
          record,
          takenAt: Date.now(),
        };
        restored += r.addresses.length;
        return { r, snap, where: this.locate(r.ws, snap, r.marks) };
      });
      if (plans.some((p) => p.where.pending)) await context.sync();
      for (const { r, snap, where } of plans) {
        const at = where.collect();
        const plan = planMarks(snap.sheetId, snap.sheetName, this.preferredKind(), r.marks, [], this.stateOf(snap, at));
        this.queueOps(r.ws, plan.ops, at);
      }
      // The pane's 问题清单 goes with the marks; a sheet that only shares its name is not touched.
      if (lists?.ours) worksheets.getItem(lists.ours.id).delete();
      // Last in the batch: when a restore fails, Excel stops there and the record stays for another try.
      // The document settings (before ExcelApi 1.4) save at once, so they are written only after it.
      const rest = serializeRecord({ version: 1, sheets: missing });
      if (store.queued) await store.write(context, rest);
      await context.sync();
      if (!store.queued) await store.write(context, rest);
      return restored;
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.excel('readFailed', async (context) => {
      const { ws, found } = await this.sheetByKey(context, sheet);
      await context.sync();
      if (!ws || !found()) throw new HostError('failed', this.text('sheetMissing', { sheet }));
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async getSelection(): Promise<Selection> {
    return this.excel('readFailed', async (context) => {
      // Before ExcelApi 1.7 there is no active cell: the selection's top-left cell stands for it.
      const cell = this.level(API.selection) ? context.workbook.getActiveCell() : context.workbook.getSelectedRange().getCell(0, 0);
      cell.load('address,rowIndex');
      // The active cell is always on the active sheet.
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await context.sync();
      return { sheet: ws.name, address: bareAddress(cell.address), row: cell.rowIndex };
    });
  }

  async readCustomProperties(): Promise<Record<string, string>> {
    requireApi(this.supports, API.customProperties, 'feature.stamp', this.locale);
    return readCustomProperties(this.run);
  }

  async writeCustomProperties(values: readonly [string, string][]): Promise<void> {
    requireApi(this.supports, API.customProperties, 'feature.stamp', this.locale);
    return writeCustomProperties(this.run, values);
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

  async insertComparison(spec: ComparisonInsert): Promise<string[]> {
    requireApi(this.supports, API.template, 'feature.compare', this.locale);
    requireApi(this.supports, API.chart, 'feature.compare', this.locale);
    return this.excel('markFailed', async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const taken = sheets.items.map((s) => s.name);
      const names: string[] = [];
      let first: Excel.Worksheet | null = null;
      for (const sheet of spec.sheets) {
        const name = uniqueSheetName(sheet.name, [...taken, ...names]);
        names.push(name);
        const ws = sheets.add(name);
        drawComparisonSheet(ws, sheet);
        if (!first) {
          first = ws;
          drawRankingChart(ws, sheet, spec.chart);
        }
      }
      first?.activate();
      await context.sync();
      return names;
    });
  }

  async writeFormula(sheet: string, address: string, formula: string): Promise<void> {
    await this.excel('markFailed', async (context) => {
      const { ws, found } = await this.sheetByKey(context, sheet);
      const isProtected = ws ? this.queueProtected(ws) : () => false;
      await context.sync();
      if (!ws || !found()) throw new HostError('failed', this.text('sheetMissing', { sheet }));
      if (isProtected()) throw new HostError('protected', this.text('protected', { sheet }));
      ws.getRange(address).formulas = [[formula.startsWith('=') ? formula : `=${formula}`]];
      await context.sync();
    });
  }
}
