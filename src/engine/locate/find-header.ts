/**
 * Finds the header row: the row whose cells name the most table columns. Header names
 * vary between 街镇 (得分/自评分/自评得分, 佐证材料/证明材料 …), so each role has a list of names.
 */
import { isColHidden, type SheetModel } from '../sheet/sheet-model';
import type { ColumnRole, FoundHeader, HeaderNearMiss, IgnoredColumn } from './types';
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
  // After reason, so 扣分说明 and its kin stay the reason column.
  deduction: ['扣分', '扣分值', '扣减分值', '扣减分', '扣除分值', '扣分分值', '扣分数', '减分', '自评扣分'],
  review: ['复核得分', '复核分', '核定得分', '复核分数', '复核分值', '核定分'],
  reviewNote: ['复核意见', '复核说明', '复核情况', '复核理由', '核定意见', '核定说明'],
};

const ROLES = Object.keys(HEADER_NAMES) as ColumnRole[];

/** A 得分 column that holds someone else's score (复核得分, 区级评审得分 …), not the self-assessment. */
const NOT_SELF_SCORE = /复核|审核|核定|评审|终审|核查|专家|区级|最终|考核组/;
/** A column about the score rather than holding it (得分说明, 得分依据 …). */
const ABOUT_SCORE = /说明|原因|理由|材料|资料|依据|标准|细则/;
/** A column of points lost (自评扣分, 扣减分数 …) rather than points given; never 扣分项, a section name. */
const DEDUCTION = /扣(?:减|除)?分(?:值|数|分值)?$/;
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
  if (DEDUCTION.test(key) && !NOT_SELF_SCORE.test(key)) return { role: 'deduction', exact: false };
  if (/得分|自评分|自评/.test(key) && !NOT_SELF_SCORE.test(key) && !ABOUT_SCORE.test(key)) return { role: 'score', exact: false };
  for (const role of ROLES) {
    if (role === 'score') continue;
    if (HEADER_NAMES[role].some((name) => name.length >= 3 && key.includes(name))) return { role, exact: false };
  }
  return undefined;
}

/** A column whose header names a role, with what decides between two columns of the same role. */
interface Candidate {
  col: number;
  exact: boolean;
  hidden: boolean;
  otherYear: boolean;
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


type RowRoles = Map<ColumnRole, Candidate>;

/** Every column of a row naming each role, the one to read first. */
type RowCandidates = Map<ColumnRole, Candidate[]>;

export interface HeaderOptions {
  /** The rubric's year: a header qualified by another year (自评得分（2022年）) is last year's column. */
  year?: number;
}

/** 上年/去年 name last year whatever the rubric's year. */
const LAST_YEAR = /上年|去年|上一年|往年/;
const YEARS = /(?:19|20)\d{2}/g;

/** The header names a year other than the rubric's (or last year in words). */
export function namesOtherYear(text: string, year: number | undefined): boolean {
  const t = normaliseText(text);
  if (LAST_YEAR.test(t)) return true;
  if (year === undefined) return false;
  return (t.match(YEARS) ?? []).some((y) => Number(y) !== year);
}

/** Visible before hidden, this year's before another year's, exact names before contained, then leftmost. */
const better = (a: Candidate, b: Candidate): number =>
  Number(a.otherYear) - Number(b.otherYear) || Number(a.hidden) - Number(b.hidden) || Number(b.exact) - Number(a.exact) || a.col - b.col;

function candidatesInRow(sheet: SheetModel, merges: MergeIndex, row: number, options: HeaderOptions): RowCandidates {
  const found: RowCandidates = new Map();
  const seen = new Set<string>();
  for (let col = 0; col < sheet.colCount; col++) {
    const text = cellText(merges.visible(row, col));
    const match = roleOf(text);
    if (!match) continue;
    // A merged header repeats across its columns: it is one column, at its left.
    const anchor = merges.anchor(row, col);
    const key = `${anchor.row}:${anchor.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const candidate = { col, exact: match.exact, hidden: isColHidden(sheet, col), otherYear: namesOtherYear(text, options.year) };
    const list = found.get(match.role);
    if (list) list.push(candidate);
    else found.set(match.role, [candidate]);
  }
  for (const list of found.values()) list.sort(better);
  return found;
}

const firstOf = (candidates: RowCandidates): RowRoles => new Map([...candidates].map(([role, list]) => [role, list[0]]));

/** The columns passed over, said in one warning per role by the validator. */
function ignoredIn(candidates: RowCandidates): IgnoredColumn[] {
  const out: IgnoredColumn[] = [];
  for (const [role, [used, ...rest]] of candidates) {
    for (const c of rest) {
      const reason = c.otherYear && !used.otherYear ? 'other-year' : c.hidden && !used.hidden ? 'hidden' : 'second';
      // Two visible columns of a side role (说明 and 情况说明) change little; two score columns change every score.
      if (reason === 'second' && role !== 'score') continue;
      out.push({ role, used: used.col, ignored: c.col, reason });
    }
  }
  return out;
}

interface RowRank {
  row: number;
  own: RowCandidates;
  roles: RowRoles;
  rank: number;
}

/** A two-row header: rows this close under the best one may take its place on a tie. */
const TWO_ROW_HEADER = 1;

/**
 * The best header in the first `rowsToSearch` rows (by default the whole used range, since some sheets
 * put a page of instructions above the table): the most roles found, exact names breaking ties. A tie
 * goes to the lower of two adjacent rows (a two-row header with merged cells shows its top labels in the
 * lower row too), never to a header repeated further down at a page break. A row may borrow roles from
 * the row above, for a two-row header without merges.
 */
export function findHeader(
  sheet: SheetModel,
  merges: MergeIndex,
  rowsToSearch: number = sheet.rowCount,
  options: HeaderOptions = {},
): FoundHeader | undefined {
  let best: RowRank | undefined;
  scanHeaderRows(sheet, merges, rowsToSearch, options, (candidate) => {
    const { roles, rank, row } = candidate;
    if (!roles.has('score') || !(roles.has('item') || roles.has('rule'))) return;
    if (!best || rank > best.rank || (rank === best.rank && row - best.row <= TWO_ROW_HEADER)) best = candidate;
  });
  if (!best) return undefined;
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, at] of best.roles) columns[role] = at.col;
  const ignoredColumns = ignoredIn(best.own);
  return { headerRow: best.row, columns, ...(ignoredColumns.length > 0 ? { ignoredColumns } : {}) };
}

/** When no header qualifies: the row with the most column names of its own, and the roles a header needs that it lacks. */
export function headerNearMiss(sheet: SheetModel, merges: MergeIndex, rowsToSearch: number = sheet.rowCount): HeaderNearMiss | undefined {
  let best: RowRank | undefined;
  scanHeaderRows(sheet, merges, rowsToSearch, {}, (candidate) => {
    if (!best || candidate.own.size > best.own.size) best = candidate;
  }, 1);
  if (!best) return undefined;
  const found = ROLES.filter((r) => best?.roles.has(r));
  const missing: ColumnRole[] = [];
  if (!found.includes('item') && !found.includes('rule')) missing.push('item');
  if (!found.includes('score')) missing.push('score');
  return { row: best.row, found, missing };
}

function scanHeaderRows(
  sheet: SheetModel,
  merges: MergeIndex,
  rowsToSearch: number,
  options: HeaderOptions,
  visit: (candidate: RowRank) => void,
  minOwn = 2,
): void {
  let above: RowRoles = new Map();
  for (let row = 0; row < Math.min(rowsToSearch, sheet.rowCount); row++) {
    const own = candidatesInRow(sheet, merges, row, options);
    const ownFirst = firstOf(own);
    const roles: RowRoles = new Map(ownFirst);
    const usedCols = new Set([...ownFirst.values()].map((v) => v.col));
    for (const [role, at] of above) {
      if (!roles.has(role) && !usedCols.has(at.col)) roles.set(role, at);
    }
    above = ownFirst;
    // Fewer than two names of its own: a data or title row, even if it could borrow the row above's.
    if (own.size < minOwn) continue;
    const exact = [...roles.values()].filter((v) => v.exact).length;
    visit({ row, own, roles, rank: roles.size * 100 + exact });
  }
}
