/**
 * Finds the header row: the row in the first rows whose cells name the most table columns. Header names
 * vary between 街镇 (得分/自评分/自评得分, 佐证材料/证明材料 …), so each role has a list of names.
 */
import type { SheetModel } from '../sheet/sheet-model';
import type { ColumnRole, FoundHeader } from './types';
import type { MergeIndex } from './merge-index';
import { cellText, normaliseText } from './normalise-text';

/** The names each column goes by; the first few are quoted in the not-found message. */
export const HEADER_NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  category: ['指标体系', '一级指标', '评价指标', '指标类别', '指标', '类别'],
  item: ['评价内容', '二级指标', '考核内容', '评价项目', '考核项目', '指标内容', '评价要点'],
  points: ['分值', '标准分值', '标准分', '满分'],
  rule: ['评分细则', '评分标准', '评价标准', '考核标准', '评分办法', '评分依据', '细则', '评分要点'],
  score: ['自评得分', '得分', '自评分', '自评分数', '自评分值', '自评'],
  evidence: ['佐证材料', '佐证资料', '证明材料', '佐证', '证明资料', '支撑材料', '佐证材料清单'],
  reason: ['扣分说明', '扣分原因', '情况说明', '扣分理由', '扣分情况', '失分说明', '失分原因', '说明'],
  review: ['复核得分', '复核分', '核定得分', '复核分数', '复核分值', '核定分'],
  reviewNote: ['复核意见', '复核说明', '复核情况', '复核理由', '核定意见', '核定说明'],
};

const ROLES = Object.keys(HEADER_NAMES) as ColumnRole[];

/** A 得分 column that holds someone else's score (复核得分, 区级评审得分 …), not the self-assessment. */
const NOT_SELF_SCORE = /复核|审核|核定|评审|终审|核查|专家|区级|最终|考核组/;
/** A column about the score rather than holding it (得分说明, 得分依据 …). */
const ABOUT_SCORE = /说明|原因|理由|材料|资料|依据|标准|细则/;
/** Longer raw texts (spaces and line breaks included) cannot be header names: skipped before normalising. */
const MAX_RAW_HEADER = 24;
/** Header cells are short; a longer text is a title such as 2023年…自评得分表. */
const MAX_HEADER_LENGTH = 12;

const headerKey = (text: string): string =>
  normaliseText(text)
    .replace(/\([^()]*\)/g, '')
    .replace(/[\s()<>《》,.;:!?、。·…\-—–―_/\\|*#]/g, '');

export interface RoleMatch {
  role: ColumnRole;
  /** The whole header is one of the role's names (not just containing one). */
  exact: boolean;
}

/** Every character of every header name: a text with none of them cannot be a header, whatever normalising does. */
const HEADER_CHARS = new Set([...Object.values(HEADER_NAMES).join(''), '自', '评', '得', '分']);
const mayBeHeader = (text: string): boolean => {
  for (const ch of text) if (HEADER_CHARS.has(ch)) return true;
  return false;
};

/** The column role a header text names, if any. */
export function roleOf(text: string): RoleMatch | undefined {
  if (text.length > MAX_RAW_HEADER || !mayBeHeader(text)) return undefined;
  const key = headerKey(text);
  if (!key || key.length > MAX_HEADER_LENGTH) return undefined;
  const review = reviewRoleOf(key);
  if (review) return review;
  for (const role of ROLES) {
    if (HEADER_NAMES[role].includes(key)) {
      return role === 'score' && NOT_SELF_SCORE.test(key) ? undefined : { role, exact: true };
    }
  }
  if (/得分|自评分|自评/.test(key) && !NOT_SELF_SCORE.test(key) && !ABOUT_SCORE.test(key)) return { role: 'score', exact: false };
  for (const role of ROLES) {
    if (role === 'score') continue;
    if (HEADER_NAMES[role].some((name) => name.length >= 3 && key.includes(name))) return { role, exact: false };
  }
  return undefined;
}

/** 复核/核定 columns are the district's: a remark (意见, 说明 …) or a score, never the self-assessment's. */
const REVIEW = /复核|核定/;
const REVIEW_NOTE = /意见|说明|情况|理由|原因|备注/;
function reviewRoleOf(key: string): RoleMatch | undefined {
  if (!REVIEW.test(key)) return undefined;
  for (const role of ['review', 'reviewNote'] as const) if (HEADER_NAMES[role].includes(key)) return { role, exact: true };
  if (REVIEW_NOTE.test(key)) return { role: 'reviewNote', exact: false };
  if (/得分|分数|分值|评分|分$/.test(key)) return { role: 'review', exact: false };
  return undefined;
}

type RowRoles = Map<ColumnRole, { col: number; exact: boolean }>;

function rolesInRow(sheet: SheetModel, merges: MergeIndex, row: number): RowRoles {
  const found: RowRoles = new Map();
  for (let col = 0; col < sheet.colCount; col++) {
    const match = roleOf(cellText(merges.visible(row, col)));
    if (!match) continue;
    const prev = found.get(match.role);
    // Exact beats contained; otherwise the leftmost column wins (a merged header repeats across its columns).
    if (!prev || (match.exact && !prev.exact)) found.set(match.role, { col, exact: match.exact });
  }
  return found;
}


/**
 * The best header in the first `rowsToSearch` rows: the most roles found, exact names breaking ties,
 * then the lower row (a two-row header with merged cells shows its top labels in the lower row too).
 * A row may borrow roles from the row above, for a two-row header without merges.
 */
export function findHeader(sheet: SheetModel, merges: MergeIndex, rowsToSearch: number): FoundHeader | undefined {
  let best: { row: number; roles: RowRoles; rank: number } | undefined;
  let above: RowRoles = new Map();
  for (let row = 0; row < Math.min(rowsToSearch, sheet.rowCount); row++) {
    const own = rolesInRow(sheet, merges, row);
    const roles: RowRoles = new Map(own);
    const usedCols = new Set([...own.values()].map((v) => v.col));
    for (const [role, at] of above) {
      if (!roles.has(role) && !usedCols.has(at.col)) roles.set(role, at);
    }
    above = own;
    // Fewer than two names of its own: a data or title row, even if it could borrow the row above's.
    if (own.size < 2) continue;
    if (!roles.has('score') || !(roles.has('item') || roles.has('rule'))) continue;
    const exact = [...roles.values()].filter((v) => v.exact).length;
    const rank = roles.size * 100 + exact;
    if (!best || rank >= best.rank) best = { row, roles, rank };
  }
  if (!best) return undefined;
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, at] of best.roles) columns[role] = at.col;
  return { headerRow: best.row, columns };
}
