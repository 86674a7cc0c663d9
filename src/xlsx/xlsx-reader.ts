/**
 * The streaming .xlsx reader behind `validate` (and any reader that needs only values): it inflates just
 * the parts validation reads — the workbook and its rels (sheet names, order, hidden state), the shared
 * strings, the styles' number formats, and a worksheet when one is asked for — and parses each as a
 * stream, so memory and time stay bounded by READ_LIMITS whatever the file claims. Browser-safe: fflate
 * and saxes only. Cells come out as the ExcelJS-based reader (read-worksheet.ts) gives them.
 */
import { ReadLimitError, READ_LIMITS, checkLimit, type ReadLimits } from './read-limits';
import { attrLocal, xmlSink, type Attributes, type XmlHandlers } from './xml-part';
import { InflateBudget, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-entries';
import { readSheetPart } from './xlsx-sheet-part';
import type { ReadSheet, SheetLimits } from './read-worksheet';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

/** What the sheets need from the rest of the workbook. */
export interface WorkbookContext {
  sharedStrings: readonly string[];
  /** Per cellXfs index: the number format code, undefined for General. */
  cellFormats: readonly (string | undefined)[];
  date1904: boolean;
  limits: ReadLimits;
  /** Counts `<c>` elements across every sheet read (the cells limit). */
  countCells(n: number, part: string): void;
}

/** The package is a zip but not a workbook this reader understands (no workbook part, strict-only parts …). */
export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxFormatError';
  }
}

const RELS_TYPE = (type: string | undefined) => (type ?? '').slice((type ?? '').lastIndexOf('/') + 1);

/** `target` of a relationship from `source` (a part name), as a part name. */
function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

interface Rel {
  type: string;
  target: string;
}

export class XlsxReader {
  private readonly entries = new Map<string, ZipEntry>();
  private cellsRead = 0;
  private context?: WorkbookContext;
  readonly sheets: SheetEntry[] = [];
  private date1904 = false;
  private sharedStringsPart?: string;
  private stylesPart?: string;

  private readonly budget: InflateBudget;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly limits: ReadLimits,
  ) {
    this.budget = new InflateBudget(limits);
  }

  /** Reads the directory, workbook and rels. Throws ZipFormatError, XmlFormatError, XlsxFormatError or ReadLimitError. */
  static open(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): XlsxReader {
    const reader = new XlsxReader(bytes, limits);
    for (const e of readZipDirectory(bytes, limits)) reader.entries.set(e.name.toLowerCase(), e);
    reader.readWorkbook();
    return reader;
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** Streams one part through `handlers`, within the part and total limits (declared first, then counted). */
  parse(part: string, handlers: XmlHandlers): void {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw new XlsxFormatError(`missing part ${part}`);
    const sink = xmlSink(entry.name, handlers);
    this.inflate(entry, (chunk) => sink.write(chunk));
    sink.end();
  }

  /** A part as text, within the same limits as parse(); undefined when the package has no such part. */
  text(part: string): string | undefined {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) return undefined;
    const decoder = new TextDecoder('utf-8');
    let out = '';
    this.inflate(entry, (chunk) => {
      out += decoder.decode(chunk, { stream: true });
    });
    return out + decoder.decode();
  }

  private inflate(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    this.budget.inflate(this.bytes, entry, onChunk);
  }


  private rels(part: string): Rel[] {
    const relsPart = relsOf(part);
    if (!this.has(relsPart)) return [];
    const rels: Rel[] = [];
    const ids = new Map<string, Rel>();
    this.parse(relsPart, {
      open: (name, a) => {
        if (name !== 'Relationship' || a.TargetMode === 'External' || a.Target === undefined) return;
        const rel = { type: RELS_TYPE(a.Type), target: resolveTarget(part, a.Target) };
        rels.push(rel);
        if (a.Id !== undefined) ids.set(a.Id, rel);
      },
    });
    this.relIds.set(part, ids);
    return rels;
  }

  private readonly relIds = new Map<string, Map<string, Rel>>();

  private readWorkbook(): void {
    const office = this.rels('').find((r) => r.type === 'officeDocument');
    const workbookPart = office && this.has(office.target) ? office.target : 'xl/workbook.xml';
    if (!this.has(workbookPart)) {
      throw new XlsxFormatError(this.has('xl/workbook.bin') ? 'xlsb: binary workbook parts (save as .xlsx)' : 'no workbook part (xl/workbook.xml)');
    }
    const rels = this.rels(workbookPart);
    const ids = this.relIds.get(workbookPart) ?? new Map<string, Rel>();
    const listed: { name: string; state: SheetState; rid?: string }[] = [];
    this.parse(workbookPart, {
      open: (name, a: Attributes) => {
        if (name === 'workbookPr') this.date1904 = a.date1904 === '1' || a.date1904 === 'true';
        else if (name === 'sheet' && a.name !== undefined) {
          const state: SheetState = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
          listed.push({ name: a.name, state, rid: attrLocal(a, 'id') });
        }
      },
    });
    for (const s of listed) {
      const rel = s.rid === undefined ? undefined : ids.get(s.rid);
      // Chart sheets and dialog sheets hold no cells: like ExcelJS, only worksheets are sheets here.
      if (rel?.type === 'worksheet' && this.has(rel.target)) this.sheets.push({ name: s.name, state: s.state, part: rel.target });
    }
    const find = (type: string, fallback: string) => rels.find((r) => r.type === type && this.has(r.target))?.target ?? (this.has(fallback) ? fallback : undefined);
    this.sharedStringsPart = find('sharedStrings', 'xl/sharedStrings.xml');
    this.stylesPart = find('styles', 'xl/styles.xml');
  }

  /** Shared strings and number formats, read on the first sheet asked for. */
  private workbookContext(): WorkbookContext {
    if (this.context) return this.context;
    const sharedStrings = this.sharedStringsPart ? this.readSharedStrings(this.sharedStringsPart) : [];
    const cellFormats = this.stylesPart ? this.readCellFormats(this.stylesPart) : [];
    this.context = {
      sharedStrings,
      cellFormats,
      date1904: this.date1904,
      limits: this.limits,
      countCells: (n, part) => {
        this.cellsRead += n;
        checkLimit(this.limits, 'cells', this.cellsRead, part);
      },
    };
    return this.context;
  }

  /** Each `<si>` as its text: rich-text runs joined, phonetic guides (`<rPh>`) left out. */
  private readSharedStrings(part: string): string[] {
    const out: string[] = [];
    let chars = 0;
    let current: string[] | undefined;
    let inT = false;
    let inPhonetic = 0;
    this.parse(part, {
      // saxes reports a self-closing element's close too, so `<si/>` ends as an empty string.
      open: (name, a, selfClosing) => {
        if (name === 'sst') {
          const declared = Number(a.uniqueCount ?? a.count);
          if (Number.isFinite(declared)) checkLimit(this.limits, 'sharedStrings', declared, part);
        } else if (name === 'si') {
          checkLimit(this.limits, 'sharedStrings', out.length + 1, part);
          current = [];
        } else if (name === 'rPh') inPhonetic++;
        else if (name === 't') inT = !selfClosing;
      },
      close: (name) => {
        if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic--;
        else if (name === 'si' && current) {
          out.push(current.length === 1 ? current[0] : current.join(''));
          current = undefined;
        }
      },
      text: (t) => {
        if (inT && current && inPhonetic === 0) {
          chars += t.length;
          checkLimit(this.limits, 'sharedStringChars', chars, part);
          current.push(t);
        }
      },
    });
    return out;
  }

  /** cellXfs index → number format code (custom `<numFmt>` or Excel's built-in ids, as ExcelJS names them). */
  private readCellFormats(part: string): (string | undefined)[] {
    const custom = new Map<number, string>();
    const xfIds: number[] = [];
    let section = '';
    this.parse(part, {
      open: (name, a) => {
        if (name === 'numFmts' || name === 'cellXfs' || name === 'cellStyleXfs' || name === 'dxfs') section = name;
        else if (name === 'numFmt' && section === 'numFmts' && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
        else if (name === 'xf' && section === 'cellXfs') xfIds.push(Number(a.numFmtId ?? 0));
      },
      close: (name) => {
        if (name === section) section = '';
      },
    });
    return xfIds.map((id) => {
      const code = id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
      return code === 'General' ? undefined : code;
    });
  }

  /** A worksheet's cells inside `limits`, and how far its content reaches. Throws as open() does. */
  readSheet(sheet: SheetEntry, limits: SheetLimits = { rows: this.limits.rows, cols: this.limits.cols }): ReadSheet {
    const context = this.workbookContext();
    return readSheetPart(sheet.name, sheet.part, context, limits, (handlers) => this.parse(sheet.part, handlers));
  }
}

/** Excel's built-in number formats with a locale-independent code, as ExcelJS's defaultnumformats gives them. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export { ReadLimitError, ZipFormatError };
