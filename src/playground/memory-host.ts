/**
 * The playground's WorkbookHost: the task pane talks to it exactly as it talks to Excel, and the grid
 * draws from it. Marks record each cell's original fill and note first, so clearMarks puts back exactly
 * what was there. Every method checks all of its input before changing anything.
 */
import type { Locale } from '../engine/messages';
import type { Rubric } from '../engine/rubric-types';
import { fromA1, GridSheet, toA1, type Cell, type CellValue } from '../engine/sheet/sheet-model';
import type { TemplateSpec } from '../engine/template/template-spec';
import type { Severity } from '../engine/validate/finding';
import { SEVERITY_FILL, worstSeverity } from '../office/marks';
import { HostError, type HostErrorKind, type ComparisonInsert, type HostReadiness, type Mark, type ReadinessSource, type Selection, type WorkbookHost } from '../host/workbook-host';
import { computeBook, isFormulaValid, type ComputedValues } from './formula-engine';
import { pgText, type PlaygroundMessageKey } from './playground-messages';
import { sheetFromSpec } from './sheet-from-spec';
import { sheetFromSummary } from './sheet-from-summary';
import { emptyBook, findSheet, usedExtent, type Book, type BookCell, type BookSheet } from './workbook-model';

/** What a marked cell looked like before, and the mark now on it. */
export interface MarkRecord {
  severity: Severity;
  note: string;
  /** False when the cell was empty (absent) before the mark. */
  existed: boolean;
  fill?: string;
  originalNote?: string;
}

export interface MemoryHostOptions {
  /** Language of the host's error messages and of RUBRIC functions' errors. */
  locale?: Locale;
  /** The rubric RUBRIC functions in the workbook compute against. */
  rubric?: Rubric;
  /** Start as not ready, with this reason (the page opens the example first); setLoading(null) ends it. */
  loading?: string;
}

/** What a person types into a cell, read as Excel reads it: a formula, a number, a percentage, TRUE/FALSE or text. */
export function parseCellInput(text: string): { value: CellValue; formula?: string; numberFormat?: string } {
  const raw = text.trim();
  if (raw === '') return { value: null };
  if (raw.startsWith('=') && raw.length > 1) return { value: null, formula: raw.slice(1) };
  const plain = raw.replace(/,/g, '');
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return { value: Number(plain) };
  const percent = /^([-+]?(\d+\.?\d*|\.\d+))\s*[%％]$/.exec(plain);
  if (percent) return { value: Number(percent[1]) / 100, numberFormat: '0%' };
  if (/^(true|false)$/i.test(raw)) return { value: raw.toUpperCase() === 'TRUE' };
  return { value: text };
}

const A1_PATTERN = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;

export class MemoryHost implements WorkbookHost {
  private book: Book;
  private computed: ComputedValues | undefined;
  /** sheet name → A1 → record. */
  private readonly marks = new Map<string, Map<string, MarkRecord>>();
  private selection: { sheet: string; address: string };
  private readonly listeners = new Set<() => void>();
  private version = 0;

  private locale: Locale;
  private readonly rubric: Rubric | undefined;
  private ready: HostReadiness;
  private readonly readyListeners = new Set<() => void>();

  constructor(book: Book = emptyBook(), options: MemoryHostOptions = {}) {
    this.book = book;
    this.locale = options.locale ?? 'zh-CN';
    this.rubric = options.rubric;
    this.selection = { sheet: book.active, address: 'A1' };
    this.ready = options.loading === undefined ? { ready: true } : { ready: false, reason: options.loading };
  }

  /** The pane's 一键校验 waits (disabled, with this reason) while a workbook is being opened. */
  readonly readiness: ReadinessSource = {
    get: () => this.ready,
    subscribe: (listener) => {
      this.readyListeners.add(listener);
      return () => this.readyListeners.delete(listener);
    },
  };

  /** `reason` while a workbook is being opened; null once it is there. */
  setLoading(reason: string | null): void {
    this.ready = reason === null ? { ready: true } : { ready: false, reason };
    for (const l of [...this.readyListeners]) l();
  }

  // --- WorkbookHost ---

  async readActiveSheet(): Promise<GridSheet> {
    return this.gridSheet(this.activeSheet());
  }

  async writeMarks(sheetName: string, marks: Mark[]): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    if (sheet.protected) throw this.error('protected', 'host.protected', { sheet: sheet.name });
    // Resolve and merge first: a bad address anywhere leaves the workbook untouched.
    const byCell = new Map<string, { severity: Severity; notes: string[] }>();
    for (const mark of marks) {
      const address = this.displayAddress(sheet, mark.cell);
      const seen = byCell.get(address);
      if (seen) {
        seen.severity = worstSeverity([seen, mark]);
        seen.notes.push(mark.note);
      } else byCell.set(address, { severity: mark.severity, notes: [mark.note] });
    }
    this.restoreSheet(sheet);
    const records = new Map<string, MarkRecord>();
    for (const [address, { severity, notes }] of byCell) {
      const before = sheet.cells.get(address);
      const note = notes.join('\n');
      records.set(address, {
        severity,
        note,
        existed: before !== undefined,
        ...(before?.fill !== undefined ? { fill: before.fill } : {}),
        ...(before?.note !== undefined ? { originalNote: before.note } : {}),
      });
      sheet.cells.set(address, { ...(before ?? { value: null }), fill: SEVERITY_FILL[severity], note });
    }
    if (records.size > 0) this.marks.set(sheet.name, records);
    this.changed();
  }

  async clearMarks(): Promise<number> {
    let restored = 0;
    for (const sheet of this.book.sheets) restored += this.restoreSheet(sheet);
    if (restored > 0) this.changed();
    return restored;
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    const at = this.displayAddress(sheet, address);
    this.book.active = sheet.name;
    this.selection = { sheet: sheet.name, address: at };
    this.changed();
  }

  async getSelection(): Promise<Selection> {
    const { sheet, address } = this.selection;
    return { sheet, address, row: fromA1(address).row };
  }

  async insertSheet(spec: TemplateSpec): Promise<string> {
    const name = this.freeSheetName(spec.sheetName);
    const sheet = sheetFromSpec(spec, name);
    this.book.sheets.push(sheet);
    this.book.active = name;
    this.selection = { sheet: name, address: 'A1' };
    this.computed = undefined;
    this.changed();
    return name;
  }

  /** The summary sheets join the workbook (the grid shows them); the chart is Excel's alone, the grid draws none. */
  async insertComparison(spec: ComparisonInsert): Promise<string[]> {
    const names: string[] = [];
    for (const s of spec.sheets) {
      const name = this.freeSheetName(s.name);
      this.book.sheets.push(sheetFromSummary(s, name));
      names.push(name);
    }
    if (names.length > 0) {
      this.book.active = names[0];
      this.selection = { sheet: names[0], address: 'A1' };
    }
    this.computed = undefined;
    this.changed();
    return names;
  }

  async writeFormula(sheetName: string, address: string, formula: string): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    if (sheet.protected) throw this.error('protected', 'host.protected', { sheet: sheet.name });
    const at = this.displayAddress(sheet, address);
    const body = formula.trim().replace(/^=/, '');
    if (body === '' || !isFormulaValid(body)) throw this.error('failed', 'host.badFormula', { formula });
    const before = sheet.cells.get(at);
    sheet.cells.set(at, { ...(before ?? {}), value: null, formula: body });
    this.computed = undefined;
    this.changed();
  }

  // --- For the page: the grid, sheet tabs and the download ---

  /**
   * What a person typed into a cell (the grid's editor): a formula, a number or text, read as Excel
   * reads it. The cell keeps its fill, note and format; formulas recompute. A bad formula changes nothing.
   */
  editCell(sheetName: string, address: string, text: string): void {
    const sheet = this.requireSheet(sheetName);
    if (sheet.protected) throw this.error('protected', 'host.protected', { sheet: sheet.name });
    const at = this.displayAddress(sheet, address);
    const input = parseCellInput(text);
    if (input.formula !== undefined && !isFormulaValid(input.formula)) throw this.error('failed', 'host.badFormula', { formula: text });
    const before = sheet.cells.get(at);
    const cell: BookCell = { ...(before ?? {}), value: input.value };
    delete cell.formula;
    if (input.formula !== undefined) cell.formula = input.formula;
    if (input.numberFormat !== undefined && cell.numberFormat === undefined) cell.numberFormat = input.numberFormat;
    if (cell.value === null && cell.formula === undefined && Object.keys(cell).length === 1 && !this.markAt(sheet.name, at)) sheet.cells.delete(at);
    else sheet.cells.set(at, cell);
    this.computed = undefined;
    this.changed();
  }

  /** What the editor starts from: the formula with its '=', or the value as typed. */
  inputAt(sheetName: string, address: string): string {
    const cell = findSheet(this.book, sheetName)?.cells.get(address);
    if (!cell) return '';
    if (cell.formula !== undefined) return `=${cell.formula}`;
    const v = cell.value;
    if (v === null) return '';
    if (typeof v === 'object') return v.error;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }

  /** Replace the whole workbook (a file was opened); marks and selection start afresh. */
  load(book: Book): void {
    this.book = book;
    this.marks.clear();
    this.computed = undefined;
    this.selection = { sheet: book.active, address: 'A1' };
    this.changed();
  }

  /** The live workbook; read it, never change it (use the host's methods). */
  get workbook(): Readonly<Book> {
    return this.book;
  }

  /** Changes on every update, for React's useSyncExternalStore. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The page's 中文 / English switch: messages and formula errors from now on in `locale`. */
  setLocale(locale: Locale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.computed = undefined;
    this.changed();
  }

  setActiveSheet(name: string): void {
    const sheet = this.requireSheet(name);
    if (this.book.active === sheet.name) return;
    this.book.active = sheet.name;
    this.selection = { sheet: sheet.name, address: 'A1' };
    this.changed();
  }

  /** What the cell shows: a formula's computed result, otherwise its value. */
  valueAt(sheetName: string, address: string): CellValue {
    const cell = findSheet(this.book, sheetName)?.cells.get(address);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value;
    return this.computedValues().get(sheetName)?.get(address) ?? cell.value;
  }

  markAt(sheetName: string, address: string): MarkRecord | undefined {
    return this.marks.get(sheetName)?.get(address);
  }

  /** Every mark now on the workbook, for the download. */
  allMarks(): { sheet: string; cell: string; severity: Severity; note: string; originalFill?: string }[] {
    return [...this.marks].flatMap(([sheet, records]) =>
      [...records].map(([cell, r]) => ({ sheet, cell, severity: r.severity, note: r.note, ...(r.fill !== undefined ? { originalFill: r.fill } : {}) })),
    );
  }

  /** Number of cells currently marked, over all sheets. */
  get markCount(): number {
    let n = 0;
    for (const m of this.marks.values()) n += m.size;
    return n;
  }

  get selected(): { sheet: string; address: string } {
    return this.selection;
  }

  // --- internals ---

  private activeSheet(): BookSheet {
    return findSheet(this.book, this.book.active) ?? this.book.sheets[0];
  }

  private gridSheet(sheet: BookSheet): GridSheet {
    const { rows, cols } = usedExtent(sheet);
    const grid: (Cell | undefined)[][] = Array.from({ length: rows }, () => Array<Cell | undefined>(cols));
    for (const [address, c] of sheet.cells) {
      const value = c.formula === undefined ? c.value : this.valueAt(sheet.name, address);
      if (value === null && c.formula === undefined) continue;
      const { row, col } = fromA1(address);
      grid[row][col] = {
        value,
        ...(c.formula !== undefined ? { formula: c.formula } : {}),
        ...(c.numberFormat !== undefined ? { numberFormat: c.numberFormat } : {}),
      };
    }
    return new GridSheet(sheet.name, grid, sheet.merges.map((m) => ({ ...m })), {
      ...(sheet.hiddenRows ? { hiddenRows: new Set(sheet.hiddenRows) } : {}),
      ...(sheet.hiddenCols ? { hiddenCols: new Set(sheet.hiddenCols) } : {}),
    });
  }

  private computedValues(): ComputedValues {
    if (!this.computed) {
      try {
        this.computed = computeBook(this.book, this.rubric ? { rubric: this.rubric, locale: this.locale } : undefined);
      } catch (err) {
        // The sheet still shows and validates with the results the file cached, as Excel shows them before recalculating.
        console.warn('playground: formulas could not be computed; showing the results saved in the file', err);
        this.computed = new Map();
      }
    }
    return this.computed;
  }

  /** Puts back the originals of every mark on `sheet`; returns how many cells. */
  private restoreSheet(sheet: BookSheet): number {
    const records = this.marks.get(sheet.name);
    if (!records) return 0;
    for (const [address, r] of records) {
      const now = sheet.cells.get(address);
      // A cell that was empty before its mark goes back to empty — unless the person has typed into it since.
      if (!r.existed && (now === undefined || (now.value === null && now.formula === undefined))) {
        sheet.cells.delete(address);
        continue;
      }
      const cell: BookCell = { ...(now ?? { value: null }) };
      delete cell.fill;
      delete cell.note;
      if (r.fill !== undefined) cell.fill = r.fill;
      if (r.originalNote !== undefined) cell.note = r.originalNote;
      sheet.cells.set(address, cell);
    }
    this.marks.delete(sheet.name);
    return records.size;
  }

  private requireSheet(name: string): BookSheet {
    const sheet = findSheet(this.book, name);
    if (!sheet) throw this.error('failed', 'host.sheetMissing', { sheet: name });
    return sheet;
  }

  /** The address as the grid shows it: inside a merged range, the range's top-left cell. */
  private displayAddress(sheet: BookSheet, address: string): string {
    if (typeof address !== 'string' || !A1_PATTERN.test(address.trim())) {
      throw this.error('failed', 'host.badAddress', { address: String(address) });
    }
    const { row, col } = fromA1(address);
    const merge = sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
    return merge ? toA1(merge.top, merge.left) : toA1(row, col);
  }

  private freeSheetName(wanted: string): string {
    const taken = new Set(this.book.sheets.map((s) => s.name.toLowerCase()));
    if (!taken.has(wanted.toLowerCase())) return wanted;
    for (let n = 2; ; n++) {
      const name = `${wanted} (${n})`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  }

  private error(kind: HostErrorKind, key: PlaygroundMessageKey, params: Record<string, string>): HostError {
    return new HostError(kind, pgText(key, params, this.locale));
  }

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}
