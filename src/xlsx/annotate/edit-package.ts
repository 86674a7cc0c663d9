/**
 * A workbook with content changed by patching its package: cells a person edited (in the playground)
 * rewritten in their sheet's part, and sheets the page inserted added as new worksheet parts. Like the
 * marks (annotate-package.ts), everything else stays byte for byte. Formulas: a cell whose formula is
 * taken out must leave the calculation chain — Excel offers to repair a file whose chain lists it
 * ("Removed Records: Formula from /xl/calcChain.xml part") — and the chain is a cache Excel rebuilds
 * ([MS-XLSB] 2.1.7.4), so it is dropped with its rel and content type; and since edited values feed formulas whose cached results are now stale, workbook.xml's
 * `<calcPr>` gets fullCalcOnLoad so Excel recomputes them on opening.
 */
import { fromA1 } from '../../engine/sheet/sheet-model';
import type { CellContent } from './cell-content';
import { AnnotateError, asAnnotateError, openSheet, openWorkbook, structureLocked, type OpenedWorkbook } from './annotate-package';
import { worksheetXml, writeWorksheet, type NewCell, type NewSheetValidation } from './new-sheet';
import { contentTypes, findPart, readRels, REL_TYPE, removeRels } from './opc';
import { patchSheetWith, type CellPatch } from './sheet-patch';
import { StylesPatch, type NewCellFormat } from './styles-patch';
import { applySplices, child, parseTree, setAttr } from './xml-tree';

export interface CellEdit {
  /** A1 address. */
  cell: string;
  /** The new content; absent: the content stays (only the number format changes). */
  content?: CellContent;
  /** A number format the cell is given (a value typed as 15% is shown as 15%). */
  numberFormat?: string;
}

export interface SheetEdits {
  sheet: string;
  cells: readonly CellEdit[];
}

export interface AddedSheet {
  name: string;
  cells: readonly { cell: string; content: CellContent; format?: NewCellFormat }[];
  /** A1 ranges. */
  merges?: readonly string[];
  /** Column widths in Excel character units, by 0-based column. */
  widths?: readonly (number | undefined)[];
  freezeRows?: number;
  validations?: readonly NewSheetValidation[];
}

export interface EditRequest {
  edits?: readonly SheetEdits[];
  /** Appended after the workbook's sheets, in this order. */
  addSheets?: readonly AddedSheet[];
}

/** CT_Workbook's children after <calcPr>, where a missing one is inserted. */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** The edited copy's bytes. Throws AnnotateError (never anything else) and never changes `bytes`. */
export function editPackage(bytes: Uint8Array, request: EditRequest): Uint8Array {
  return asAnnotateError(() => edit(bytes, request));
}

function edit(bytes: Uint8Array, request: EditRequest): Uint8Array {
  const opened = openWorkbook(bytes);
  const { pkg, workbookPart } = opened;
  const adding = (request.addSheets ?? []).map((s) => s.name);
  // As Excel does: a workbook whose structure is protected takes no new sheet (its owner locked it).
  if (adding.length > 0 && structureLocked(opened.wbRoot)) {
    const names = adding.map((n) => `「${n}」`).join('、');
    throw new AnnotateError(
      'structure-locked',
      `无法生成标注副本：工作簿的结构受保护（「审阅」→「保护工作簿」），不能加入新工作表 ${names}。原文件未被改动。请在 Excel 中取消工作簿保护后再打开，或在 Excel 中插入该工作表。`,
      `Cannot make the annotated copy: the workbook's structure is protected (Review → Protect Workbook), so the new sheet(s) ${adding.map((n) => `"${n}"`).join(', ')} cannot be added. The original is unchanged. Unprotect the workbook in Excel and open it again, or insert the sheet in Excel.`,
    );
  }
  const types = contentTypes(pkg);
  const styles = StylesPatch.open(pkg, workbookPart, types);
  let formulasRemoved = false;
  let recalc = false;

  for (const { sheet, cells } of request.edits ?? []) {
    if (cells.length === 0) continue;
    const { part, xml, info } = openSheet(opened, sheet, true);
    const targets = new Map<number, Map<number, CellPatch>>();
    for (const e of cells) {
      const { row, col } = fromA1(e.cell);
      const code = e.numberFormat;
      const patch: CellPatch = {
        ...(e.content ? { content: e.content } : {}),
        ...(code !== undefined ? { style: (base: number) => styles.numberFormatXf(base, code) } : {}),
      };
      targets.set(row, (targets.get(row) ?? new Map<number, CellPatch>()).set(col, patch));
      if (e.content) recalc = true;
    }
    const patched = patchSheetWith(xml, info, targets);
    pkg.write(part, patched.xml);
    formulasRemoved ||= patched.formulasRemoved;
  }

  for (const sheet of request.addSheets ?? []) {
    const cells: NewCell[] = sheet.cells.map((c) => {
      const { row, col } = fromA1(c.cell);
      const style = c.format ? styles.newCellXf(c.format) : 0;
      return { row, col, content: c.content, ...(style ? { style } : {}) };
    });
    writeWorksheet(pkg, types, workbookPart, sheet.name, worksheetXml({ cells, merges: sheet.merges, widths: sheet.widths, freezeRows: sheet.freezeRows, validations: sheet.validations }));
    recalc ||= sheet.cells.some((c) => c.content.formula !== undefined);
  }

  if (formulasRemoved) dropCalcChain(opened, types);
  if (recalc) calcFullyOnLoad(opened);
  styles.save();
  types.save();
  return pkg.toBytes();
}

function dropCalcChain({ pkg, workbookPart }: OpenedWorkbook, types: ReturnType<typeof contentTypes>): void {
  const rels = readRels(pkg, workbookPart).filter((r) => r.type === REL_TYPE.calcChain);
  for (const r of rels) {
    const part = r.part && findPart(pkg, r.part);
    if (!part) continue;
    pkg.remove(part);
    types.remove(part);
  }
  removeRels(pkg, workbookPart, rels.map((r) => r.id));
}

function calcFullyOnLoad({ pkg, workbookPart }: OpenedWorkbook): void {
  const xml = pkg.text(workbookPart) ?? '';
  const root = parseTree(xml, workbookPart, (p) => p.length <= 1);
  const calcPr = child(root, 'calcPr');
  if (calcPr) {
    pkg.write(workbookPart, applySplices(xml, [{ start: calcPr.start, end: calcPr.openEnd, text: setAttr(xml.slice(calcPr.start, calcPr.openEnd), 'fullCalcOnLoad', '1') }]));
    return;
  }
  const q = (local: string) => (root.prefix ? `${root.prefix}:${local}` : local);
  const before = root.children.find((c) => AFTER_CALC_PR.includes(c.local));
  const at = before ? before.start : root.closeStart;
  pkg.write(workbookPart, applySplices(xml, [{ start: at, end: at, text: `<${q('calcPr')} fullCalcOnLoad="1"/>` }]));
}
