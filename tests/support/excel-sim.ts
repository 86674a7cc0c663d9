/**
 * A small simulated Excel for adapter tests, built on office-addin-mock's OfficeMockObject so the
 * Office.js load/sync rules hold: a property is readable only after it was loaded and the context
 * synced (reading it earlier throws here, instead of the mock's silent error string), and writes take
 * effect only at context.sync, in the order queued — an op that fails stops the rest, as in Excel.
 *
 * It implements exactly the Office.js surface src/office uses; anything else is undefined and fails
 * the test loudly. `syncCount` counts every context.sync; `queued` counts every write ever queued.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { columnLetters, fromA1, toA1, type SheetModel } from '../../src/engine/sheet/sheet-model';

export interface SimFill {
  color: string;
  pattern: string;
  patternColor?: string;
}

export const SIM_NO_FILL: SimFill = { color: '#FFFFFF', pattern: 'None' };

export interface SimCell {
  value?: string | number | boolean | null;
  /** Without the leading '='. */
  formula?: string;
  /** An error value such as '#N/A'. */
  error?: string;
  numberFormat?: string;
  fill?: SimFill;
  bold?: boolean;
  /** Range.hyperlink as written (ExcelApi 1.7). */
  hyperlink?: { documentReference?: string; textToDisplay?: string; address?: string };
}

export interface SimNote {
  address: string;
  content: string;
}

export interface SimComment extends SimNote {
  id: string;
}

export interface SimValidation {
  range: string;
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

/**
 * A chart as Worksheet.charts.add made it. Assumed from the Office.js reference
 * (learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1),
 * excel.chartseries#excel-excel-chartseries-setxaxisvalues-member(1), excel.chart setPosition / title.text):
 * add(type, sourceData, seriesBy) with the source as a Range; the series' category labels set from another
 * Range; effects land at sync like every other write. Only what the adapter uses is kept.
 */
export interface SimChart {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  xValues?: string;
  position?: string;
}

export class SimSheet {
  cells = new Map<string, SimCell>();
  charts: SimChart[] = [];
  merges: string[] = [];
  notes: SimNote[] = [];
  comments: SimComment[] = [];
  validations: SimValidation[] = [];
  frozenRows = 0;
  /** 0-based rows and columns hidden in this sheet. */
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Every other format write, as "A1:B2 format.columnWidth=40". */
  formatLog: string[] = [];
  pageLayout: Record<string, unknown> = {};
  constructor(
    /** Not readonly: Excel may hand a sheet another id in a later session (ExcelSim.newSession). */
    public id: string,
    public name: string,
    public protected_ = false,
  ) {}

  cell(address: string): SimCell {
    let c = this.cells.get(address);
    if (!c) {
      c = {};
      this.cells.set(address, c);
    }
    return c;
  }

  fillAt(address: string): SimFill {
    return this.cells.get(address)?.fill ?? SIM_NO_FILL;
  }

  noteAt(address: string): string | undefined {
    return this.notes.find((n) => n.address === address)?.content;
  }

  commentAt(address: string): string | undefined {
    return this.comments.find((n) => n.address === address)?.content;
  }

  /** Load rows of plain values from A1; a string starting with '=' becomes a formula. */
  setRows(rows: (string | number | boolean | null | undefined)[][]): this {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === undefined || v === null || v === '') return;
        const cell = this.cell(toA1(r, c));
        if (typeof v === 'string' && v.startsWith('=')) cell.formula = v.slice(1);
        else cell.value = v;
      }),
    );
    return this;
  }

  hasContent(c: SimCell | undefined): boolean {
    return !!c && (c.formula !== undefined || c.error !== undefined || (c.value !== undefined && c.value !== null && c.value !== ''));
  }
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boxOf(address: string): Box {
  const bare = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [a, b = a] = bare.split(':');
  const p = fromA1(a);
  const q = fromA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const boxAddress = (b: Box): string =>
  b.top === b.bottom && b.left === b.right ? toA1(b.top, b.left) : `${toA1(b.top, b.left)}:${toA1(b.bottom, b.right)}`;

const intersects = (a: Box, b: Box): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

function eachCell(b: Box, f: (address: string, r: number, c: number) => void): void {
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) f(toA1(r, c), r - b.top, c - b.left);
}

const isWholeRowsOrColumns = (address: string): boolean => /^\$?[A-Z]+:\$?[A-Z]+$|^\$?\d+:\$?\d+$/.test(address);

const allSomeNone = (flags: readonly boolean[]): boolean | null => (flags.every(Boolean) ? true : flags.some(Boolean) ? null : false);

const quote = (name: string): string => (/^\w+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

const MOCK_ERRORS = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);

class ProtectedError extends Error {
  code = 'AccessDenied';
  constructor(sheet: string) {
    super(`The cell or chart you're trying to change is on a protected sheet (${sheet}).`);
  }
}

/** Adding or deleting a sheet where the workbook's structure is protected (the code is inferred). */
class StructureProtected extends Error {
  code = 'AccessDenied';
  constructor() {
    super('The workbook structure is protected.');
  }
}

class ItemNotFound extends Error {
  code = 'ItemNotFound';
}

/**
 * Excel on the web's limits ("Resource limits and performance optimization for Office Add-ins"): a
 * request's payload of 5 MB and 5,000,000 cells in one read; and Range.getMergedAreasOrNullObject fails
 * above 512 merged areas (@types/office-js). Measured here as the JSON of what a sync loads.
 */
export const SIM_LIMITS = { payloadBytes: 5_000_000, cellsPerRead: 5_000_000, mergedAreas: 512 };

class LimitExceeded extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class ApiNotFound extends Error {
  code = 'ApiNotFound';
}

class InjectedFailure extends Error {
  code = 'GeneralException';
}

/** One Excel.run: its queued writes and the proxies to sync. */
class SimContext {
  private pending: (() => void)[] = [];
  private mocks: OfficeMockObject[] = [];
  generation = 0;
  readonly workbook: unknown;

  constructor(private readonly sim: ExcelSim) {
    this.workbook = this.makeWorkbook();
  }

  /** What this sync's loads will bring back, and the limits they break, checked when it is sent. */
  private payload: (() => number)[] = [];
  private limitChecks: (() => void)[] = [];

  async sync(): Promise<void> {
    this.sim.syncCount++;
    const sizes = this.payload;
    const checks = this.limitChecks;
    this.payload = [];
    this.limitChecks = [];
    try {
      for (const check of checks) check();
      const bytes = sizes.reduce((n, f) => n + f(), 0);
      if (bytes > SIM_LIMITS.payloadBytes) {
        this.sim.refusedSyncs++;
        throw new LimitExceeded('ResponsePayloadSizeLimitExceeded', `The response payload size (${bytes} bytes) has exceeded the limit.`);
      }
      this.sim.largestPayload = Math.max(this.sim.largestPayload, bytes);
    } catch (err) {
      // The whole request fails: nothing queued in it is applied or loaded.
      this.pending = [];
      throw err;
    }
    const ops = this.pending;
    this.pending = [];
    for (const op of ops) op();
    for (const m of this.mocks) await m.sync();
    this.generation++;
  }

  private queue(op: () => void): void {
    this.sim.queued++;
    this.pending.push(op);
  }

  private syncedSince(gen: number, what: string): void {
    if (this.generation <= gen) throw new Error(`${what} read before context.sync()`);
  }

  /** An OfficeMockObject for `data`, behind a proxy that queues writes and refuses unloaded reads. */
  private mock(
    data: Record<string, unknown>,
    onSet: (path: string[], value: unknown) => void,
    isNull = false,
    /** Returned as they are: collections, whose getters the mock would evaluate too early. */
    extras: Record<string, unknown> = {},
    /** Told what each top-level load() asks for (payload accounting); may return what the mock itself loads. */
    onLoad?: (what: unknown) => unknown,
  ): any {
    const raw = new OfficeMockObject(data as never);
    this.mocks.push(raw);
    const gen = this.generation;
    const wrap = (target: OfficeMockObject, path: string[]): any =>
      new Proxy(target, {
        get: (t, p) => {
          if (typeof p === 'symbol') return (t as never)[p];
          if (!path.length && Object.prototype.hasOwnProperty.call(extras, p)) return extras[p];
          if (!path.length && p === 'load' && onLoad) {
            return (what: unknown) => {
              const rest = onLoad(what) ?? what;
              return rest === '' ? undefined : (t as any).load(rest);
            };
          }
          if (p === 'isNullObject') {
            this.syncedSince(gen, 'isNullObject');
            return isNull;
          }
          const v = (t as any)[p];
          if (v instanceof OfficeMockObject) return wrap(v, [...path, p]);
          if (typeof v === 'function') return v.bind(t);
          // Navigating a null object is allowed in Office.js; reading its values is not.
          if (isNull) throw new Error(`${[...path, p].join('.')} read on a null object`);
          if (typeof v === 'string' && MOCK_ERRORS.has(v)) throw new Error(`${[...path, p].join('.')}: ${v}`);
          return v;
        },
        set: (_t, p, value) => {
          onSet([...path, String(p)], value);
          return true;
        },
      });
    return wrap(raw, []);
  }

  private sheetFor(sheet: SimSheet): SimSheet {
    if (sheet.protected_) throw new ProtectedError(sheet.name);
    return sheet;
  }

  private makeWorkbook() {
    const sim = this.sim;
    return {
      worksheets: this.worksheets(),
      settings: this.gate(4, 'workbook.settings', {
        getItemOrNullObject: (key: string) => {
          const has = sim.settings.has(key);
          return this.mock({ value: has ? sim.settings.get(key) : '' }, () => {
            throw new Error('setting writes are not simulated');
          }, !has);
        },
        add: (key: string, value: unknown) => this.queue(() => sim.settings.set(key, value)),
      }),
      properties: this.gate(7, 'workbook.properties', { custom: this.customProperties() }),
      getActiveCell: () => {
        this.needs(7, 'workbook.getActiveCell');
        const sheet = sim.sheet(sim.selection.sheetId);
        return this.range(sheet, sim.selection.address);
      },
      getSelectedRange: () => {
        const sheet = sim.sheet(sim.selection.sheetId);
        return this.range(sheet, sim.selection.address);
      },
    };
  }

  /**
   * workbook.properties.custom. Assumptions (from the Office.js reference, not observed in Excel): `items`
   * may be read only after load + sync; `add(key, value)` creates the property or replaces the value of an
   * existing one with that key, and like every write takes effect at the next sync.
   */
  private customProperties() {
    const sim = this.sim;
    let loaded: { key: string; value: string }[] | undefined;
    return {
      load: (_what?: string) => this.queue(() => (loaded = [...sim.customProperties].map(([key, value]) => ({ key, value })))),
      get items() {
        if (!loaded) throw new Error('properties.custom.items read before load + context.sync()');
        return loaded;
      },
      add: (key: string, value: unknown) => this.queue(() => sim.customProperties.set(key, String(value))),
    };
  }

  private worksheets() {
    const sim = this.sim;
    let loadedAt = -1;
    return {
      getActiveWorksheet: () => this.worksheet(sim.sheet(sim.activeSheetId)),
      getItem: (key: string) => {
        const s = sim.find(key);
        if (!s) throw new ItemNotFound(`worksheet ${key}`);
        return this.worksheet(s);
      },
      getItemOrNullObject: (key: string) => {
        this.needs(4, 'worksheets.getItemOrNullObject');
        const s = sim.find(key);
        return s ? this.worksheet(s) : this.mock({ id: '', name: '', protection: { protected: false } }, () => undefined, true);
      },
      load: () => {
        loadedAt = this.generation;
      },
      get items() {
        if (loadedAt < 0) throw new Error('worksheets.items read without load');
        return sim.sheets.map((s) => ({ name: s.name, id: s.id }));
      },
      add: (name: string) => {
        const sheet = new SimSheet(`sheet-${++sim.addedSheets}-${name}`, name);
        this.queue(() => {
          if (sim.structureProtected) throw new StructureProtected();
          if (sim.find(name)) throw new Error(`A sheet named ${name} already exists`);
          sim.sheets.push(sheet);
        });
        return this.worksheet(sheet);
      },
    };
  }

  private worksheet(sheet: SimSheet): any {
    const sim = this.sim;
    return this.mock(
      {
        id: sheet.id,
        name: sheet.name,
        getRange: (address: string) => this.range(sheet, address),
        getUsedRange: (valuesOnly?: boolean) => {
          // The valuesOnly parameter is ExcelApi 1.2; without it formatted cells count as used too.
          if (valuesOnly) this.needs(2, 'getUsedRange(valuesOnly)');
          else if (sim.apiMinor >= 2) throw new Error('the adapter should ask for the values-only used range');
          return this.range(sheet, sim.usedAddress(sheet, !valuesOnly));
        },
        activate: () => this.queue(() => (sim.activeSheetId = sheet.id)),
        delete: () =>
          this.queue(() => {
            const i = sim.sheets.indexOf(sheet);
            if (i < 0) throw new ItemNotFound(`worksheet ${sheet.name}`);
            if (sim.structureProtected) throw new StructureProtected();
            if (sim.activeSheetId === sheet.id) throw new Error('the simulation does not delete the active sheet');
            sim.sheets.splice(i, 1);
          }),
        pageLayout: {
          setPrintArea: (a: string) => this.queue(() => (sheet.pageLayout.printArea = a)),
          setPrintTitleRows: (a: string) => this.queue(() => (sheet.pageLayout.printTitleRows = a)),
        },
      },
      (path, value) => {
        if (path[0] === 'pageLayout') this.queue(() => (sheet.pageLayout[path.slice(1).join('.')] = value));
        else throw new Error(`worksheet write ${path.join('.')} is not simulated`);
      },
      false,
      {
        notes: this.notes(sheet),
        comments: this.comments(sheet),
        charts: this.charts(sheet),
        // Objects whose members come with a later version: refused on first touch below it.
        protection: this.gate(2, 'worksheet.protection', this.mock({ protected: sheet.protected_ }, () => undefined)),
        freezePanes: this.gate(7, 'worksheet.freezePanes', { freezeRows: (n: number) => this.queue(() => (this.sheetFor(sheet).frozenRows = n)) }),
      },
    );
  }

  private charts(sheet: SimSheet) {
    return {
      add: (type: string, source: unknown, seriesBy: string) => {
        const chart: SimChart = { type, source: this.sim.addressOf(source), seriesBy };
        this.queue(() => this.sheetFor(sheet).charts.push(chart));
        return {
          title: Object.defineProperty({}, 'text', { set: (t: string) => this.queue(() => (chart.title = t)) }),
          series: { getItemAt: (i: number) => ({ setXAxisValues: (r: unknown) => this.queue(() => (i === 0 ? (chart.xValues = this.sim.addressOf(r)) : undefined)) }) },
          setPosition: (start: string) => this.queue(() => (chart.position = start)),
        };
      },
    };
  }

  /**
   * A method the simulated Excel lacks: Office.js queues it (the CDN's library knows every member), and
   * Excel refuses the request at sync with ApiNotFound, so nothing else in that batch happens either.
   */
  needs(minor: number, what: string): void {
    if (this.sim.apiMinor >= minor) return;
    this.limitChecks.push(() => {
      throw new ApiNotFound(`${what} needs ExcelApi 1.${minor}`);
    });
  }

  /** An API the simulated Excel lacks: Office.js knows the member, Excel refuses it (ApiNotFound). */
  private gate<T extends object>(minor: number, what: string, api: T): T {
    if (this.sim.apiMinor >= minor) return api;
    return new Proxy(api, {
      get: () => {
        throw new ApiNotFound(`${what} needs ExcelApi 1.${minor}`);
      },
    });
  }

  private notes(sheet: SimSheet) {
    return this.gate(18, 'worksheet.notes', this.notesApi(sheet));
  }

  private comments(sheet: SimSheet) {
    return this.gate(10, 'worksheet.comments', this.commentsApi(sheet));
  }

  private notesApi(sheet: SimSheet) {
    const ctx = this;
    let loadedAt = -1;
    const noteProxy = (find: () => SimNote | undefined, snapshot: SimNote | undefined) =>
      this.mock(
        {
          content: snapshot?.content ?? '',
          delete: () =>
            this.queue(() => {
              const n = find();
              if (!n) throw new ItemNotFound('note');
              this.sheetFor(sheet).notes.splice(sheet.notes.indexOf(n), 1);
            }),
          getLocation: () => this.range(sheet, snapshot?.address ?? 'A1'),
        },
        (path, value) => {
          if (path.join('.') !== 'content') throw new Error(`note write ${path.join('.')} is not simulated`);
          this.queue(() => {
            const n = find();
            if (!n) throw new ItemNotFound('note');
            this.sheetFor(sheet);
            n.content = String(value);
          });
        },
      );
    return {
      load: () => {
        loadedAt = ctx.generation;
      },
      get items() {
        if (loadedAt < 0) throw new Error('notes.items read without load');
        ctx.syncedSince(loadedAt, 'notes.items');
        return sheet.notes.map((n) => ({ content: n.content }));
      },
      getItem: (address: string) => {
        const snapshot = sheet.notes.find((n) => n.address === address);
        return noteProxy(() => sheet.notes.find((n) => n.address === address), snapshot);
      },
      getItemAt: (i: number) => {
        const snapshot = sheet.notes[i];
        return noteProxy(() => snapshot, snapshot);
      },
      add: (where: string | object, content: string) => {
        const address = typeof where === 'string' ? where : this.sim.addressOf(where);
        this.queue(() => {
          this.sheetFor(sheet);
          if (sheet.noteAt(address) !== undefined) throw new Error(`InvalidArgument: ${address} already has a note`);
          if (sheet.commentAt(address) !== undefined) throw new Error(`InvalidArgument: ${address} has a threaded comment`);
          sheet.notes.push({ address, content });
        });
      },
    };
  }

  private commentsApi(sheet: SimSheet) {
    const ctx = this;
    let loadedAt = -1;
    const proxy = (snapshot: SimComment | undefined) =>
      this.mock(
        {
          content: snapshot?.content ?? '',
          id: snapshot?.id ?? '',
          delete: () =>
            this.queue(() => {
              const i = sheet.comments.findIndex((c) => c.id === snapshot?.id);
              if (i < 0) throw new ItemNotFound('comment');
              this.sheetFor(sheet).comments.splice(i, 1);
            }),
          getLocation: () => this.range(sheet, snapshot?.address ?? 'A1'),
        },
        (path, value) => {
          if (path.join('.') !== 'content') throw new Error(`comment write ${path.join('.')} is not simulated`);
          this.queue(() => {
            const c = sheet.comments.find((x) => x.id === snapshot?.id);
            if (!c) throw new ItemNotFound('comment');
            this.sheetFor(sheet);
            c.content = String(value);
          });
        },
      );
    return {
      load: () => {
        loadedAt = ctx.generation;
      },
      get items() {
        if (loadedAt < 0) throw new Error('comments.items read without load');
        ctx.syncedSince(loadedAt, 'comments.items');
        return sheet.comments.map((c) => ({ content: c.content, id: c.id }));
      },
      getItem: (id: string) => proxy(sheet.comments.find((c) => c.id === id)),
      getItemAt: (i: number) => proxy(sheet.comments[i]),
      add: (where: string | object, content: string) => {
        const address = typeof where === 'string' ? where.slice(where.lastIndexOf('!') + 1) : this.sim.addressOf(where);
        this.queue(() => {
          this.sheetFor(sheet);
          if (sheet.commentAt(address) !== undefined) throw new Error(`InvalidArgument: ${address} already has a comment`);
          if (sheet.noteAt(address) !== undefined) throw new Error(`InvalidArgument: ${address} has a note`);
          sheet.comments.push({ address, content, id: `c${++this.sim.commentIds}` });
        });
      },
    };
  }

  private range(sheet: SimSheet, address: string): any {
    const sim = this.sim;
    const whole = isWholeRowsOrColumns(address);
    const box = whole ? { top: 0, left: 0, bottom: 0, right: 0 } : boxOf(address);
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const grid = <T>(f: (c: SimCell | undefined) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(sheet.cells.get(toA1(box.top + r, box.left + c)))));
    const gen = this.generation;
    const ctx = this;
    const proxy = this.mock(
      {
        address: `${quote(sheet.name)}!${boxAddress(box)}`,
        rowIndex: box.top,
        columnIndex: box.left,
        rowCount: rows,
        columnCount: cols,
        values: grid((c) => (c?.error ?? (sheet.hasContent(c) ? c?.value ?? 0 : ''))),
        formulas: grid((c) => (c?.formula !== undefined ? `=${c.formula}` : c?.error ?? (sheet.hasContent(c) ? c?.value : ''))),
        valueTypes: grid((c) =>
          c?.error ? 'Error' : !sheet.hasContent(c) ? 'Empty' : typeof c?.value === 'number' ? 'Double' : typeof c?.value === 'boolean' ? 'Boolean' : 'String',
        ),
        numberFormat: grid((c) => c?.numberFormat ?? 'General'),
        worksheet: { name: sheet.name, id: sheet.id },
        format: {
          fill: {
            // RangeFill.color of the top-left cell; "No Fill" reads as #FFFFFF, like white (office-js #6218, #4900).
            color: sheet.cells.get(toA1(box.top, box.left))?.fill?.color ?? '#FFFFFF',
            clear: () =>
              this.queue(() =>
                eachCell(box, (a) => {
                  if (sim.failWritesAt.has(a)) throw new InjectedFailure(`write to ${a} failed`);
                  delete this.sheetFor(sheet).cell(a).fill;
                }),
              ),
          },
          font: {},
          borders: { getItem: (edge: string) => ({ set style(v: string) { sheet.formatLog.push(`${address} border.${edge}=${v}`); } }) },
        },
        dataValidation: {},
        getBoundingRect: (other: any) => {
          const o = boxOf(sim.addressOf(other));
          return this.range(sheet, boxAddress({ top: Math.min(box.top, o.top), left: Math.min(box.left, o.left), bottom: Math.max(box.bottom, o.bottom), right: Math.max(box.right, o.right) }));
        },
        getIntersection: (other: any) => {
          const o = boxOf(sim.addressOf(other));
          const b = { top: Math.max(box.top, o.top), left: Math.max(box.left, o.left), bottom: Math.min(box.bottom, o.bottom), right: Math.min(box.right, o.right) };
          if (b.top > b.bottom || b.left > b.right) throw new ItemNotFound('the ranges do not intersect');
          return this.range(sheet, boxAddress(b));
        },
        getIntersectionOrNullObject: (other: any) => {
          const o = boxOf(sim.addressOf(other));
          const b = { top: Math.max(box.top, o.top), left: Math.max(box.left, o.left), bottom: Math.min(box.bottom, o.bottom), right: Math.min(box.right, o.right) };
          if (b.top > b.bottom || b.left > b.right) return this.mock({ address: '' }, () => undefined, true);
          return this.range(sheet, boxAddress(b));
        },
        getCell: (row: number, column: number) => this.range(sheet, toA1(box.top + row, box.left + column)),
        getMergedAreasOrNullObject: () => {
          this.needs(13, 'Range.getMergedAreasOrNullObject');
          const inside = sheet.merges.filter((m) => intersects(boxOf(m), box));
          this.limitChecks.push(() => {
            if (inside.length > SIM_LIMITS.mergedAreas) {
              throw new LimitExceeded('InvalidOperation', `The range holds ${inside.length} merged areas; getMergedAreas supports at most ${SIM_LIMITS.mergedAreas}.`);
            }
          });
          this.payload.push(() => inside.join(', ').length + 40);
          return this.mock({ address: inside.map((m) => `${quote(sheet.name)}!${m}`).join(', ') }, () => undefined, inside.length === 0);
        },
        getCellProperties: () => {
          this.needs(9, 'Range.getCellProperties');
          const fills = grid((c) => ({ format: { fill: { ...(c?.fill ?? SIM_NO_FILL) } } }));
          const ctx = this;
          sim.cellPropertiesRead += rows * cols;
          this.payload.push(() => JSON.stringify(fills).length);
          this.limitChecks.push(() => {
            if (rows * cols > SIM_LIMITS.cellsPerRead) throw new LimitExceeded('ResponsePayloadSizeLimitExceeded', `${rows * cols} cells in one read`);
          });
          return {
            get value() {
              ctx.syncedSince(gen, 'getCellProperties().value');
              return fills;
            },
          };
        },
        getRowProperties: () => {
          this.needs(9, 'Range.getRowProperties');
          const ctx = this;
          const props = Array.from({ length: rows }, (_, r) => ({ rowIndex: box.top + r, rowHidden: sheet.hiddenRows.has(box.top + r) }));
          return {
            get value() {
              ctx.syncedSince(gen, 'getRowProperties().value');
              return props;
            },
          };
        },
        getColumnProperties: () => {
          this.needs(9, 'Range.getColumnProperties');
          const ctx = this;
          const props = Array.from({ length: cols }, (_, c) => ({ columnIndex: box.left + c, columnHidden: sheet.hiddenCols.has(box.left + c) }));
          return {
            get value() {
              ctx.syncedSince(gen, 'getColumnProperties().value');
              return props;
            },
          };
        },
        setCellProperties: (props: any[][]) => {
          this.needs(9, 'Range.setCellProperties');
          this.queue(() =>
            eachCell(box, (a, r, c) => {
              if (sim.failWritesAt.has(a)) throw new InjectedFailure(`write to ${a} failed`);
              const fill = props[r]?.[c]?.format?.fill;
              const cell = this.sheetFor(sheet).cell(a);
              if (fill) cell.fill = { color: fill.color, pattern: fill.pattern ?? 'Solid', ...(fill.patternColor ? { patternColor: fill.patternColor } : {}) };
              if (props[r]?.[c]?.format?.font?.bold) cell.bold = true;
            }),
          );
        },
        select: () => this.queue(() => (sim.selection = { sheetId: sheet.id, address: boxAddress(box) })),
        merge: () => this.queue(() => this.sheetFor(sheet).merges.push(address)),
      },
      (path, value) => this.queue(() => this.writeRange(sheet, address, box, path, value)),
      false,
      // Range.rowHidden / columnHidden (ExcelApi 1.2): true when all of the range's rows are hidden, false
      // when none, null when some. Kept out of the mock's data, which cannot hold null.
      {
        get rowHidden() {
          ctx.syncedSince(gen, 'rowHidden');
          return allSomeNone(Array.from({ length: rows }, (_, r) => sheet.hiddenRows.has(box.top + r)));
        },
        get columnHidden() {
          ctx.syncedSince(gen, 'columnHidden');
          return allSomeNone(Array.from({ length: cols }, (_, c) => sheet.hiddenCols.has(box.left + c)));
        },
      },
      (what) => {
        const props = typeof what === 'string' ? what.split(',').map((x) => x.trim()) : [];
        const lines: string[] = props.filter((x) => x === 'rowHidden' || x === 'columnHidden');
        if (lines.length > 0) {
          this.needs(2, 'Range.rowHidden/columnHidden');
          // One flag per range in the response: {"rowHidden":false} and its framing.
          this.payload.push(() => 30 * lines.length);
        }
        // Those two live in `extras` (their value may be null); the mock loads the rest.
        const rest = typeof what === 'string' ? props.filter((x) => !lines.includes(x)).join(',') : what;
        const grids: Record<string, () => unknown> = {
          values: () => grid((c) => (c?.error ?? (sheet.hasContent(c) ? c?.value ?? 0 : ''))),
          formulas: () => grid((c) => (c?.formula !== undefined ? `=${c.formula}` : c?.error ?? (sheet.hasContent(c) ? c?.value : ''))),
          valueTypes: () => grid(() => 'String'),
          numberFormat: () => grid((c) => c?.numberFormat ?? 'General'),
        };
        const loaded = props.filter((x) => x in grids);
        if (loaded.length === 0) return rest;
        this.limitChecks.push(() => {
          if (rows * cols > SIM_LIMITS.cellsPerRead) throw new LimitExceeded('ResponsePayloadSizeLimitExceeded', `${rows * cols} cells in one read`);
        });
        this.payload.push(() => loaded.reduce((n, x) => n + JSON.stringify(grids[x]()).length, 0));
        return rest;
      },
    );
    sim.rangeAddresses.set(proxy, { sheet, address: boxAddress(box) });
    return proxy;
  }

  private writeRange(sheet: SimSheet, address: string, box: Box, path: string[], value: unknown): void {
    this.sheetFor(sheet);
    const key = path.join('.');
    const at = (v: unknown, r: number, c: number) => (Array.isArray(v) ? (v as unknown[][])[r]?.[c] : v);
    if (key === 'formulas' || key === 'values') {
      eachCell(box, (a, r, c) => {
        const v = at(value, r, c);
        const cell = sheet.cell(a);
        delete cell.formula;
        if (typeof v === 'string' && v.startsWith('=') && key === 'formulas') {
          cell.formula = v.slice(1);
          cell.value = null;
        } else cell.value = v === '' ? null : (v as SimCell['value']);
      });
    } else if (key === 'numberFormat') {
      eachCell(box, (a, r, c) => (sheet.cell(a).numberFormat = String(at(value, r, c))));
    } else if (key === 'hyperlink') {
      if (this.sim.apiMinor < 7) throw new ApiNotFound('Range.hyperlink needs ExcelApi 1.7');
      eachCell(box, (a) => (sheet.cell(a).hyperlink = { ...(value as object) }));
    } else if (key === 'format.columnWidth' && this.sim.apiMinor < 2) {
      throw new ApiNotFound('RangeFormat.columnWidth needs ExcelApi 1.2');
    } else if (key === 'format.fill.color') {
      eachCell(box, (a) => (sheet.cell(a).fill = { color: String(value), pattern: 'Solid' }));
    } else if (path[0] === 'dataValidation') {
      let v = sheet.validations.find((x) => x.range === address);
      if (!v) sheet.validations.push((v = { range: address }));
      (v as unknown as Record<string, unknown>)[path[1]] = value;
    } else {
      sheet.formatLog.push(`${address} ${key}=${JSON.stringify(value)}`);
    }
  }
}

export class ExcelSim {
  sheets: SimSheet[] = [];
  activeSheetId = '';
  selection = { sheetId: '', address: 'A1' };
  settings = new Map<string, unknown>();
  /** workbook.properties.custom (ExcelApi 1.7): key → value as Office keeps it (text here). */
  customProperties = new Map<string, string>();
  /** Highest ExcelApi minor version supported: 18 for 1.18. */
  apiMinor = 18;
  /** Review → Protect Workbook: worksheets.add and Worksheet.delete are refused at sync. */
  structureProtected = false;
  /** Sheets added through worksheets.add, for their ids. */
  addedSheets = 0;
  /**
   * Office.context.document.settings (common API, every Excel with add-ins): set() changes a copy,
   * saveAsync() writes it into the same per-file, per-add-in store as workbook.settings (inferred).
   */
  readonly documentSettings = (() => {
    const pending = new Map<string, unknown>();
    return {
      get: (name: string): unknown => (pending.has(name) ? pending.get(name) : this.settings.has(name) ? this.settings.get(name) : null),
      set: (name: string, value: unknown): void => void pending.set(name, value),
      saveAsync: (callback: (result: { status: string }) => void): void => {
        this.settingsSaves++;
        for (const [k, v] of pending) this.settings.set(k, v);
        pending.clear();
        callback({ status: 'succeeded' });
      },
    };
  })();
  /** How many times the document settings were saved. */
  settingsSaves = 0;
  syncCount = 0;
  queued = 0;
  commentIds = 0;
  /** Cells whose properties (fills) were asked for, in all. */
  cellPropertiesRead = 0;
  /** Syncs Excel refused for their payload. */
  refusedSyncs = 0;
  /** The largest payload one sync has loaded so far, in bytes (JSON). */
  largestPayload = 0;
  /** Cells whose fill writes fail at sync, as a write Excel refuses part-way through a batch. */
  failWritesAt = new Set<string>();
  rangeAddresses = new WeakMap<object, { sheet: SimSheet; address: string }>();

  addSheet(name: string, rows: (string | number | boolean | null | undefined)[][] = [], id = `id-${name}`): SimSheet {
    const sheet = new SimSheet(id, name).setRows(rows);
    this.sheets.push(sheet);
    if (!this.activeSheetId) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, address: 'A1' };
    }
    return sheet;
  }

  /** A sheet with a SheetModel's values, formulas (cached values kept) and merges. */
  addModelSheet(model: SheetModel, name = model.name): SimSheet {
    const sheet = this.addSheet(name);
    for (let r = 0; r < model.rowCount; r++) {
      for (let c = 0; c < model.colCount; c++) {
        const cell = model.cell(r, c);
        if (!cell) continue;
        const v = cell.value;
        const target = sheet.cell(toA1(r, c));
        if (v !== null && typeof v === 'object') target.error = v.error;
        else target.value = v;
        if (cell.formula !== undefined) target.formula = cell.formula;
        if (cell.numberFormat) target.numberFormat = cell.numberFormat;
      }
    }
    sheet.merges.push(...model.merges.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`));
    return sheet;
  }

  /**
   * A later session: Worksheet.id "remains constant within a single session but will change between
   * sessions" (office-js-docs #297), so every sheet gets a new one; names, cells and settings stay.
   */
  newSession(): void {
    let n = 0;
    for (const s of this.sheets) {
      const id = `{session-${++this.sessions}-${++n}}`;
      if (this.activeSheetId === s.id) this.activeSheetId = id;
      if (this.selection.sheetId === s.id) this.selection = { ...this.selection, sheetId: id };
      s.id = id;
    }
  }

  private sessions = 0;

  sheet(id: string): SimSheet {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw new Error(`no sheet ${id}`);
    return s;
  }

  find(key: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }

  addressOf(rangeOrAddress: unknown): string {
    if (typeof rangeOrAddress === 'string') return rangeOrAddress.slice(rangeOrAddress.lastIndexOf('!') + 1);
    const r = this.rangeAddresses.get(rangeOrAddress as object);
    if (!r) throw new Error('not a range of this simulation');
    return r.address;
  }

  /** The used range: cells with content, and with `withFormats` (getUsedRange() without valuesOnly) filled ones too. */
  usedAddress(sheet: SimSheet, withFormats = false): string {
    let box: Box | undefined;
    for (const [a, c] of sheet.cells) {
      if (!sheet.hasContent(c) && !(withFormats && c.fill)) continue;
      const { row, col } = fromA1(a);
      box = box
        ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return box ? boxAddress(box) : 'A1';
  }

  readonly run = async <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    const ctx = new SimContext(this);
    return batch({ workbook: ctx.workbook, sync: () => ctx.sync() });
  };

  readonly isSetSupported = (name: string, version: string): boolean => {
    const [major, minor] = version.split('.').map(Number);
    return name === 'ExcelApi' && major === 1 && minor <= this.apiMinor;
  };
}

export { columnLetters };
