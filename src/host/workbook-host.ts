import type { SummarySheetSpec } from '../engine/compare/summary-spec';
import type { SheetModel } from '../engine/sheet/sheet-model';
import type { Finding, Severity } from '../engine/validate/finding';
import type { TemplateSpec } from '../engine/template/template-spec';

/** A highlight: a fill by severity and a note explaining the finding. */
export interface Mark {
  cell: string;
  severity: Severity;
  note: string;
}

/** Where the user is: the active sheet and the selected cell. */
export interface Selection {
  sheet: string;
  address: string;
  row: number;
}

/** Whether the pane may act on the workbook now, and if not, why (shown under its buttons). */
export interface HostReadiness {
  ready: boolean;
  reason?: string;
}

/** A host whose workbook is for a while unavailable (the playground while it opens a file) says so through this. */
export interface ReadinessSource {
  get(): HostReadiness;
  subscribe(listener: () => void): () => void;
}

/**
 * What the task pane needs from a workbook. Excel (src/office) and the browser playground
 * (src/playground) implement it, so the same pane runs unchanged on either.
 * Every method either does all of its work or none and throws a HostError.
 */
export interface WorkbookHost {
  /** Read the active sheet's used range: values, formulas, number formats, merged areas. */
  readActiveSheet(): Promise<SheetModel>;
  /**
   * Record the original fill and note of every cell in `marks`, then mark them. Replaces earlier marks on
   * that sheet. `findings` are the ones behind the marks, for a host that lists them on a sheet of their
   * own (an Excel with neither notes nor comments: the 「问题清单」 sheet).
   */
  writeMarks(sheet: string, marks: Mark[], findings?: readonly Finding[]): Promise<void>;
  /** What the last validation could not do on this host (an older Excel), each said once; then forgotten. */
  takeNotices?(): string[];
  /** Put back every original fill and note recorded by writeMarks; returns how many cells were restored. */
  clearMarks(): Promise<number>;
  selectCell(sheet: string, address: string): Promise<void>;
  getSelection(): Promise<Selection>;
  /** Insert the familiar self-assessment worksheet; returns the new sheet's name. */
  insertSheet(spec: TemplateSpec): Promise<string>;
  writeFormula(sheet: string, address: string, formula: string): Promise<void>;
  /** The workbook's custom document properties (text values), where the submission stamp is kept; absent where the host keeps none. */
  readCustomProperties?(): Promise<Record<string, string>>;
  /** Sets these custom document properties (creating or replacing each), all or none. */
  writeCustomProperties?(values: readonly [string, string][]): Promise<void>;
  /**
   * Adds the district's summary sheets (汇总, 条款对比 … from summary-spec.ts) to the open workbook, under
   * unique names, with a bar chart of the ranking; returns the names given. Absent where the host cannot.
   */
  insertComparison?(spec: ComparisonInsert): Promise<string[]>;
  /** Absent where the workbook is there as soon as the pane is (Excel: the pane mounts after Office.onReady). */
  readonly readiness?: ReadinessSource;
}

/** The sheets to add and, on the first, the ranking chart: labels and values are 0-based columns of its rows. */
export interface ComparisonInsert {
  sheets: SummarySheetSpec[];
  chart: { labelColumn: number; valueColumn: number; title: string };
}

export type HostErrorKind = 'protected' | 'no-table' | 'unsupported' | 'busy' | 'failed';

/** A failure the pane shows as a MessageBar; `kind` picks the wording. */
export class HostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
