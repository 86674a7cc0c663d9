/**
 * The annotated copy of a workbook, made by patching its package rather than re-writing it: the CLI's
 * `--out-dir` copy and the playground's download both come from here (browser-safe: fflate + saxes).
 *
 * What changes, and nothing else:
 * - the marked sheet's part: marked cells' style index (cells/rows added only where a marked cell had none),
 *   and a `<legacyDrawing>` when the sheet had no VML drawing;
 * - xl/styles.xml: fills, cell formats (and two fonts for 问题清单) appended;
 * - the sheet's comments part and VML drawing (created, with rels and content types, when absent);
 * - the 「问题清单」 sheet (added, or its content replaced), its workbook.xml entry, rel and content type.
 * Every other part is byte-for-byte the original, its compressed bytes too (ZipPackage copies it as stored).
 */
import type { Locale } from '../../engine/messages';
import { toA1 } from '../../engine/sheet/sheet-model';
import type { Severity } from '../../engine/validate/finding';
import { issueListSheetName, type IssueListRow } from '../../engine/validate/issue-list';
import { ReadLimitError } from '../read-limits';
import { ZipPackage } from '../zip-package';
import { writeIssueSheet, issueSheetXml } from './issue-sheet';
import { patchNotes, threadedCommentCells } from './notes-patch';
import { contentTypes, findPart, NS, readRels, REL_TYPE } from './opc';
import { patchSheet, readSheet, type CellPatch, type SheetInfo } from './sheet-patch';
import { StylesPatch } from './styles-patch';
import { attrNS, child, childrenNamed, parseTree, XmlPartError, type XmlNode } from './xml-tree';

export interface CellMark {
  /** A1 address; inside a merged range the mark goes to the range's top-left cell. */
  cell: string;
  severity: Severity;
  /** One line of the cell's note. */
  note: string;
}

export interface AnnotateRequest {
  sheet: string;
  marks: readonly CellMark[];
  /** First line of every note we write (noteHeading(): 「评分助手：」). */
  noteHeading?: string;
  /** Rows of 「问题清单」; absent: no such sheet is written. */
  issues?: readonly IssueListRow[];
  /**
   * Told when 问题清单 was not added because the workbook's structure is protected (Excel would not let anyone
   * add a sheet to it either); the marks and notes are still made.
   */
  onIssueSheetSkipped?: (why: 'structure-locked') => void;
  locale?: Locale;
}

export type AnnotateProblem = 'not-xlsx' | 'strict' | 'no-sheet' | 'damaged' | 'too-large' | 'structure-locked';

export class AnnotateError extends Error {
  constructor(
    readonly problem: AnnotateProblem,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'AnnotateError';
  }

  localized(locale: Locale): string {
    return locale === 'en' ? this.en : this.zh;
  }
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

const damaged = (detail: string) =>
  new AnnotateError(
    'damaged',
    `无法生成标注副本：工作簿的内部结构有误（${detail}）。原文件未被改动。请在 Excel 中打开并另存后再试。`,
    `Cannot make the annotated copy: the workbook's internal structure is damaged (${detail}). The original is unchanged. Open it in Excel, save it again and retry.`,
  );

const MB = 1024 * 1024;
/** A part past a read limit (src/xlsx/read-limits.ts): the copy is not made rather than exhaust memory. */
const tooLarge = (err: ReadLimitError) => {
  const size = (n: number) => (err.limit === 'partBytes' || err.limit === 'totalBytes' ? `${Math.ceil(n / MB)} MB` : String(n));
  const where = err.part ?? '';
  return new AnnotateError(
    'too-large',
    `无法生成标注副本：工作簿的部件 ${where} 超过读取上限（${err.limit}：至少 ${size(err.actual)}，上限 ${size(err.max)}），不像自评表。原文件未被改动。`,
    `Cannot make the annotated copy: part ${where} of the workbook exceeds a read limit (${err.limit}: at least ${size(err.actual)}, limit ${size(err.max)}); it does not look like a self-assessment workbook. The original is unchanged.`,
  );
};

/** The annotated copy's bytes. Throws AnnotateError (never anything else) and never changes `bytes`. */
export function annotatePackage(bytes: Uint8Array, request: AnnotateRequest): Uint8Array {
  return asAnnotateError(() => annotate(bytes, request));
}

/** Runs a patch; whatever it throws comes out as an AnnotateError. */
export function asAnnotateError<T>(patch: () => T): T {
  try {
    return patch();
  } catch (err) {
    if (err instanceof AnnotateError) throw err;
    if (err instanceof ReadLimitError) throw tooLarge(err);
    if (err instanceof XmlPartError) throw damaged(`${err.part}: ${err.detail.split('\n')[0]}`);
    throw damaged((err as Error)?.message ?? String(err));
  }
}

export interface OpenedWorkbook {
  pkg: ZipPackage;
  workbookPart: string;
  /** workbook.xml's root, with its children (sheets, calcPr …) stored. */
  wbRoot: XmlNode;
}

/** The package and its workbook part, or the AnnotateError saying why it cannot be patched. */
export function openWorkbook(bytes: Uint8Array): OpenedWorkbook {
  let pkg: ZipPackage;
  try {
    pkg = ZipPackage.open(bytes);
  } catch {
    throw new AnnotateError('not-xlsx', '无法生成标注副本：文件不是完整的 .xlsx（zip）包。原文件未被改动。', 'Cannot make the annotated copy: the file is not a complete .xlsx (zip) package. The original is unchanged.');
  }
  const officeDoc = readRels(pkg, '').find((r) => r.type === REL_TYPE.officeDocument && r.part);
  const workbookPart = officeDoc?.part && findPart(pkg, officeDoc.part);
  if (!workbookPart) {
    if (readRels(pkg, '').some((r) => r.type.startsWith('http://purl.oclc.org/ooxml/'))) throw strict();
    throw damaged('no workbook part');
  }
  const wbRoot = parseTree(pkg.text(workbookPart) ?? '', workbookPart, (p) => p.length <= 2);
  if (wbRoot.uri === NS.strictMain) throw strict();
  if (wbRoot.uri !== NS.main) throw damaged(`${workbookPart}: ${wbRoot.uri || 'no namespace'}`);
  return { pkg, workbookPart, wbRoot };
}

/** The worksheet part of the sheet `name`, read (with cell content when a patch rewrites it). */
export function openSheet({ pkg, workbookPart, wbRoot }: OpenedWorkbook, name: string, withContent = false): { part: string; xml: string; info: SheetInfo } {
  const entry = childrenNamed(child(wbRoot, 'sheets') ?? wbRoot, 'sheet').find((s) => s.attrs.name === name);
  const sheetRel = entry && readRels(pkg, workbookPart).find((r) => r.id === attrNS(entry, NS.rel, 'id'));
  const part = sheetRel?.part && findPart(pkg, sheetRel.part);
  if (!part) {
    throw new AnnotateError('no-sheet', `无法生成标注副本：工作簿中没有名为「${name}」的工作表。`, `Cannot make the annotated copy: the workbook has no sheet named "${name}".`);
  }
  const xml = pkg.text(part) ?? '';
  const info = readSheet(xml, part, withContent);
  if (info.root.uri !== NS.main) throw damaged(`${part}: ${info.root.uri || 'no namespace'}`);
  return { part, xml, info };
}

function annotate(bytes: Uint8Array, request: AnnotateRequest): Uint8Array {
  const locale = request.locale ?? 'zh-CN';
  const opened = openWorkbook(bytes);
  const { pkg, workbookPart, wbRoot } = opened;
  const { part: sheetPart, xml: sheetXml, info } = openSheet(opened, request.sheet);

  // Marks by the cell Excel shows them on, worst severity first in mind, notes in the order given.
  const byCell = new Map<string, { row: number; col: number; severity: Severity; lines: string[] }>();
  for (const m of request.marks) {
    const hit = A1.exec(m.cell.trim());
    if (!hit) continue;
    let row = Number(hit[2]) - 1;
    let col = [...hit[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const merge = info.merges.find((g) => row >= g.top && row <= g.bottom && col >= g.left && col <= g.right);
    if (merge) [row, col] = [merge.top, merge.left];
    const address = toA1(row, col);
    const seen = byCell.get(address);
    if (seen) {
      if (RANK[m.severity] > RANK[seen.severity]) seen.severity = m.severity;
      seen.lines.push(m.note);
    } else byCell.set(address, { row, col, severity: m.severity, lines: [m.note] });
  }

  const types = contentTypes(pkg);
  const styles = StylesPatch.open(pkg, workbookPart, types);
  const threaded = threadedCommentCells(pkg, sheetPart);
  const notes = new Map<string, string>();
  for (const [address, m] of byCell) {
    if (threaded.has(address)) continue; // the fill only; the message is in 问题清单
    notes.set(address, [...(request.noteHeading ? [request.noteHeading] : []), ...m.lines].join('\n'));
  }
  const { legacyDrawingRelId } = patchNotes(pkg, types, sheetPart, notes, info.legacyDrawingId, info.legacyDrawingHFId);

  const targets = new Map<number, Map<number, CellPatch>>();
  for (const m of byCell.values()) {
    const cols = targets.get(m.row) ?? new Map<number, CellPatch>();
    cols.set(m.col, { style: (base) => styles.markXf(base, m.severity) });
    targets.set(m.row, cols);
  }
  if (targets.size > 0 || legacyDrawingRelId) pkg.write(sheetPart, patchSheet(sheetXml, info, targets, legacyDrawingRelId));

  if (request.issues && (request.issues.length > 0 || hasSheet(wbRoot, issueListSheetName(locale)))) {
    if (structureLocked(wbRoot)) request.onIssueSheetSkipped?.('structure-locked');
    else writeIssueSheet(pkg, types, workbookPart, issueSheetXml(request.issues, locale, styles), locale);
  }
  styles.save();
  types.save();
  return pkg.toBytes();
}

/** `<workbookProtection lockStructure="1">`: sheets may not be added, removed or renamed. */
export const structureLocked = (wbRoot: XmlNode) => {
  const lock = child(wbRoot, 'workbookProtection')?.attrs.lockStructure;
  return lock === '1' || lock === 'true';
};

const hasSheet = (wbRoot: XmlNode, name: string) =>
  childrenNamed(child(wbRoot, 'sheets') ?? wbRoot, 'sheet').some((s) => s.attrs.name === name);

const strict = () =>
  new AnnotateError(
    'strict',
    '无法生成标注副本：该工作簿以“Strict Open XML 电子表格”格式保存，本工具不改写这种格式。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试。原文件未被改动。',
    'Cannot make the annotated copy: the workbook is saved as "Strict Open XML Spreadsheet", which this tool does not patch. Save it in Excel as "Excel Workbook (*.xlsx)" and retry. The original is unchanged.',
  );
