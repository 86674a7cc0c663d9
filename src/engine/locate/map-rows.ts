/**
 * Walks the rows under the header and maps each to the clauses it scores. The current category and
 * item carry down through rows whose cells are blank or merged, as a reader's eye does; a row is tied
 * to a clause only by item name plus clause number or text, never by its position.
 */
import type { Category, Clause } from '../rubric-types';
import { isRowHidden, type SheetModel } from '../sheet/sheet-model';
import { roleOf } from './find-header';
import { resolveConflict } from './hidden-rows';
import type { DuplicateRow, FoundHeader, IgnoredRow, LocatedRow, LocatedTable, RowSection, TotalRow } from './types';
import type { MergeIndex } from './merge-index';
import { cellText, isBlank, nameKey } from './normalise-text';
import type { ItemRef, RubricLookup } from './rubric-lookup';
import { joinRuleParts, ruleLastColumn } from './rule-span';

const GRAND_TOTAL = /^(?:合计|总计|总分|总得分|得分合计|合计得分|自评总分|自评合计|自评得分合计|总合计|最终得分|综合得分|总计得分)$/;
const SUBTOTAL = /(?:小计|合计)$/;
/** Lines such as 注：… or 填表人：… under or beside the table. */
const NOTE = /^(?:注|说明|备注|填表|填报|审核|联系|日期|单位|签字|签名|负责人|制表|附)/;
const VETO_LABEL = '一票否决';

interface WholeItemCandidate {
  row: number;
  ref: ItemRef;
  /** The row has the item's name itself (a heading), not just a carried-down item. */
  named: boolean;
}

export function mapRows(sheet: SheetModel, merges: MergeIndex, header: FoundHeader, lookup: RubricLookup): LocatedTable {
  const { columns, headerRow } = header;
  const rows: LocatedRow[] = [];
  const unknownRows: number[] = [];
  const totalRows: TotalRow[] = [];
  const duplicateRows: DuplicateRow[] = [];
  const ignoredRows: IgnoredRow[] = [];
  const itemRows: Record<string, number> = {};
  const candidates: WholeItemCandidate[] = [];
  const taken = new Map<string, number>();

  /** The text of (row, col) if the cell, or the merge it anchors, starts in this row; '' otherwise. */
  const rowText = (row: number, col: number | undefined): string => {
    if (col === undefined) return '';
    return merges.anchor(row, col).row === row ? cellText(merges.visible(row, col)).trim() : '';
  };
  const visibleText = (row: number, col: number | undefined): string =>
    col === undefined ? '' : cellText(merges.visible(row, col)).trim();
  const scoreLike = new Set([columns.score, columns.evidence, columns.reason, columns.deduction, columns.review, columns.reviewNote]);
  const ruleLastCol = ruleLastColumn(merges, header);
  const ruleCol = columns.rule;
  /** The row's own 评分细则 text, across both columns of a split 序号 | 内容 rule header. */
  const ruleRowText = (row: number): string =>
    ruleCol === undefined || ruleLastCol === undefined ? rowText(row, ruleCol) : joinRuleParts(ruleCol, ruleLastCol, (c) => rowText(row, c));
  /** The row above that these rows continue, while nothing else stands between them. */
  let group: { located: LocatedRow; ruleTop: number | undefined } | undefined;
  const ruleTopOf = (row: number): number | undefined => (ruleCol === undefined ? undefined : merges.anchor(row, ruleCol).row);
  /** A hidden line under a clause is one put away (an old score): it belongs to the clause but adds nothing. */
  const addSubRow = (row: number): void => {
    if (!group || isRowHidden(sheet, row)) return;
    (group.located.subRows ??= []).push(row);
  };

  const place = (row: number, clauses: Clause[], itemId: string | undefined): void => {
    const ids = clauses.map((c) => c.id);
    const earlier = [...new Set(ids.map((id) => taken.get(id)).filter((r): r is number => r !== undefined))];
    if (earlier.length > 0) {
      const conflict = resolveConflict(sheet, row, earlier);
      if (conflict === 'duplicate') {
        duplicateRows.push({ row, clauseIds: ids, firstRow: earlier[0] });
        return;
      }
      if (conflict === 'ignore') {
        ignoredRows.push({ row, used: earlier.find((r) => !isRowHidden(sheet, r)) as number, clauseIds: ids });
        return;
      }
      for (const r of earlier) {
        const at = rows.findIndex((x) => x.row === r);
        ignoredRows.push({ row: r, used: row, clauseIds: at >= 0 ? rows[at].clauseIds : ids });
        if (at >= 0) rows.splice(at, 1);
        for (const [id, by] of taken) if (by === r) taken.delete(id);
      }
    }
    for (const id of ids) taken.set(id, row);
    const located: LocatedRow = { row, section: sectionOf(clauses, lookup), clauseIds: ids, itemId };
    rows.push(located);
    group = { located, ruleTop: ruleTopOf(row) };
  };

  let category: Category | undefined;
  let item: ItemRef | undefined;
  let afterGrandTotal = false;

  for (let row = headerRow + 1; row < sheet.rowCount; row++) {
    const ownTexts: { col: number; text: string }[] = [];
    for (let col = 0; col < sheet.colCount; col++) {
      const v = merges.own(row, col);
      if (!isBlank(v)) ownTexts.push({ col, text: cellText(v).trim() });
    }
    if (ownTexts.length === 0) continue;
    // A header repeated at a page break names the item and score columns again.
    if (isRepeatedHeader(rowText(row, columns.item), rowText(row, columns.score))) continue;

    const total = totalOf(ownTexts.filter((t) => !scoreLike.has(t.col)), row, lookup, category);
    if (total) {
      group = undefined;
      // A hidden 合计 is an old one put away; only the totals a person sees are checked.
      if (!isRowHidden(sheet, row)) totalRows.push(total);
      if (total.kind === 'total') afterGrandTotal = true;
      continue;
    }

    let vetoLabel = false;
    const categoryText = visibleText(row, columns.category);
    if (categoryText) {
      const found = lookup.category(categoryText);
      if (found && found !== category) {
        category = found;
        item = undefined;
      }
      vetoLabel ||= categoryText.includes(VETO_LABEL);
    }

    const itemText = visibleText(row, columns.item);
    const namedHere = rowText(row, columns.item) !== '';
    if (itemText) {
      item = lookup.item(itemText, category);
      if (item) {
        category = item.category;
        const anchorRow = merges.anchor(row, columns.item as number).row;
        itemRows[item.item.id] ??= anchorRow;
      }
      vetoLabel ||= itemText.includes(VETO_LABEL);
    }

    const ruleText = ruleRowText(row);
    const ownScore = columns.score !== undefined && rowText(row, columns.score) !== '';
    const subRowOf = group && item && group.located.itemId === item.item.id && !namedHere ? group : undefined;
    // Under one merged 评分细则 cell: another score, reason or evidence line of the same clause.
    if (subRowOf && !ruleText && subRowOf.ruleTop !== undefined && ruleTopOf(row) === subRowOf.ruleTop && subRowOf.ruleTop < row) {
      addSubRow(row);
      continue;
    }
    let clauses: Clause[] = [];
    if (ruleText) {
      if (item) clauses = lookup.clausesOfItem(ruleText, item.item);
      if (clauses.length === 0) clauses = lookup.clausesByText(ruleText).map((ref) => ref.clause);
      vetoLabel ||= ruleText.includes(VETO_LABEL) && clauses.length === 0;
    }
    if (clauses.length === 0 && vetoLabel) clauses = lookup.vetoClauses.slice(0, 1).map((ref) => ref.clause);
    // A veto clause needs a 是/否 of its own; it never rides along in a row that scores points.
    if (clauses.length > 1) clauses = clauses.filter((c) => c.rule.kind !== 'veto');

    // The rest of a clause the row above began (a PDF line pasted into its own row, a sub-point scored apart).
    const continued = clauses.length === 0 && ruleText && item ? lookup.clausesContaining(ruleText, item.item) : [];
    if (subRowOf && ((!ruleText && ownScore) || continued.some((c) => subRowOf.located.clauseIds.includes(c.id)))) {
      addSubRow(row);
      continue;
    }
    if (clauses.length === 0 && continued.length === 1 && !taken.has(continued[0].id)) clauses = continued;

    if (clauses.length > 0) {
      place(row, clauses, lookup.clauseRef(clauses[0].id)?.item.id);
    } else if (!ruleText && item && (namedHere || ownScore)) {
      group = undefined;
      candidates.push({ row, ref: item, named: namedHere });
    } else if (
      !afterGrandTotal &&
      !isRowHidden(sheet, row) &&
      !isNoteRow(ownTexts) &&
      !isLabelOnly(ownTexts, columns.category, categoryText, lookup, vetoLabel)
    ) {
      group = undefined;
      unknownRows.push(row);
    }
  }

  // A row naming an item but no clause is the whole item in one row, unless other rows score its clauses.
  let lastWhole: LocatedRow | undefined;
  for (const c of candidates) {
    const clauses = c.ref.item.clauses.filter((cl) => cl.rule.kind !== 'veto');
    if (clauses.length > 0 && clauses.every((cl) => !taken.has(cl.id))) {
      place(c.row, clauses, c.ref.item.id);
      lastWhole = rows[rows.length - 1];
    } else if (!c.named && lastWhole?.itemId === c.ref.item.id) {
      // A further score line under a whole-item row (one score per sub-point, one 加分 reason per row).
      if (!isRowHidden(sheet, c.row)) (lastWhole.subRows ??= []).push(c.row);
    } else if (!c.named && !isRowHidden(sheet, c.row)) unknownRows.push(c.row);
  }

  return {
    headerRow,
    columns,
    ...(ruleLastCol !== undefined ? { ruleLastCol } : {}),
    rows: foldMergedScores(rows, merges, columns.score).sort((a, b) => a.row - b.row),
    unknownRows: unknownRows.sort((a, b) => a - b),
    totalRows,
    duplicateRows,
    itemRows,
    ...(header.ignoredColumns ? { ignoredColumns: header.ignoredColumns } : {}),
    ...(ignoredRows.length > 0 ? { ignoredRows: ignoredRows.sort((a, b) => a.row - b.row) } : {}),
  };
}

function sectionOf(clauses: Clause[], lookup: RubricLookup): RowSection {
  const first = clauses[0];
  if (first.rule.kind === 'veto') return 'veto';
  return lookup.clauseRef(first.id)?.category.kind ?? 'base';
}

/** A total label is short; a 评分细则 text is not normalised just to learn it is not one. */
const MAX_TOTAL_LABEL = 40;

function totalOf(texts: { text: string }[], row: number, lookup: RubricLookup, current: Category | undefined): TotalRow | undefined {
  for (const { text } of texts) {
    // Every total label has 计 (合计, 小计, 总计) or 分 (总分, 总得分).
    if (text.length > MAX_TOTAL_LABEL || !/[计分]/.test(text)) continue;
    const key = nameKey(text);
    if (GRAND_TOTAL.test(key)) return { row, kind: 'total' };
    if (SUBTOTAL.test(key) && key.length <= 24) {
      const category = lookup.category(key.slice(0, -2)) ?? current;
      return { row, kind: 'subtotal', categoryId: category?.id };
    }
  }
  return undefined;
}

const isRepeatedHeader = (itemText: string, scoreText: string): boolean =>
  roleOf(itemText)?.role === 'item' || roleOf(scoreText)?.role === 'score';

const isNoteRow = (texts: { text: string }[]): boolean => NOTE.test(nameKey(texts[0].text) || texts[0].text);

/** A row holding only a category (or 一票否决) label, such as a section heading spanning the table. */
function isLabelOnly(
  texts: { col: number; text: string }[],
  categoryCol: number | undefined,
  categoryText: string,
  lookup: RubricLookup,
  vetoLabel: boolean,
): boolean {
  if (texts.length !== 1) return false;
  const only = texts[0];
  if (only.col === categoryCol) return lookup.category(categoryText) !== undefined || vetoLabel;
  return lookup.category(only.text) !== undefined;
}

/**
 * Clause rows whose score cell is merged into the row above: one score for the whole item. The rows
 * become one located row at the merge's top, with every clause it covers.
 */
function foldMergedScores(rows: LocatedRow[], merges: MergeIndex, scoreCol: number | undefined): LocatedRow[] {
  if (scoreCol === undefined) return rows;
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const kept: LocatedRow[] = [];
  for (const r of [...rows].sort((a, b) => a.row - b.row)) {
    const top = merges.anchor(r.row, scoreCol).row;
    const host = top < r.row ? byRow.get(top) : undefined;
    if (host && host.itemId === r.itemId && host.section === r.section) {
      host.clauseIds.push(...r.clauseIds);
    } else {
      kept.push(r);
    }
  }
  return kept;
}
