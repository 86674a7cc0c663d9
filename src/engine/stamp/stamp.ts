/**
 * The submission stamp: what a 街镇's sheet said when 一键校验 found no error, kept in the workbook as
 * custom document properties, so the district can tell a sheet left as validated from one edited
 * afterwards or checked against another rubric. A consistency check, not a signature: anyone can
 * recompute and rewrite it. The hash function is injected (Web Crypto in every adapter) so the
 * engine stays free of Node and the DOM.
 */
import { MergeIndex } from '../locate/merge-index';
import { cellText } from '../locate/normalise-text';
import type { LocatedTable } from '../locate/types';
import type { Rubric } from '../rubric-types';
import type { Scorecard } from '../scoring';
import type { SheetModel } from '../sheet/sheet-model';

/** Hex SHA-256 of a text's UTF-8 bytes. */
export type Sha256Hex = (text: string) => Promise<string>;

export type StampStatus = 'valid' | 'modified' | 'other-rubric' | 'absent';

export interface Stamp {
  rubricId: string;
  /** SHA-256 of the rubric's content (its data, so comments and layout of the YAML do not matter). */
  rubricHash: string;
  /** ISO 8601, UTC. */
  time: string;
  total: string;
  grade: string;
  /** The worksheet the stamp covers. */
  sheet: string;
  /** SHA-256 of every scored row's score, evidence and reason cells. */
  digest: string;
}

/**
 * Property names in the workbook. Office limits a custom property's text to 255 characters, so each
 * field is its own property rather than one JSON value.
 */
export const STAMP_PROPERTIES: Readonly<Record<keyof Stamp, string>> = {
  rubricId: 'RubricCheck.RubricId',
  rubricHash: 'RubricCheck.RubricHash',
  time: 'RubricCheck.Time',
  total: 'RubricCheck.Total',
  grade: 'RubricCheck.Grade',
  sheet: 'RubricCheck.Sheet',
  digest: 'RubricCheck.Digest',
};
const FIELDS = Object.keys(STAMP_PROPERTIES) as (keyof Stamp)[];

/** JSON with keys sorted at every level: the same rubric data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const rubricHash = (rubric: Rubric, sha256: Sha256Hex): Promise<string> => sha256(canonicalJson(rubric));

/** One line per scored row: its clauses, then the score, evidence and reason as shown. */
export function scoredCellsText(sheet: SheetModel, table: LocatedTable): string {
  const merges = new MergeIndex(sheet);
  const text = (row: number, col: number | undefined) => (col === undefined ? '' : cellText(merges.visible(row, col)).trim());
  const { score, evidence, reason } = table.columns;
  return [...table.rows]
    .sort((a, b) => a.row - b.row)
    .map((r) => [r.clauseIds.join(','), text(r.row, score), text(r.row, evidence), text(r.row, reason)].join('\u001f'))
    .join('\n');
}

export interface StampSubject {
  rubric: Rubric;
  sheet: SheetModel;
  table: LocatedTable;
  scorecard: Scorecard;
}

export async function makeStamp(subject: StampSubject, sha256: Sha256Hex, now: Date): Promise<Stamp> {
  return {
    rubricId: subject.rubric.id,
    rubricHash: await rubricHash(subject.rubric, sha256),
    time: now.toISOString(),
    total: subject.scorecard.total.toString(),
    grade: subject.scorecard.grade,
    sheet: subject.sheet.name,
    digest: await sha256(scoredCellsText(subject.sheet, subject.table)),
  };
}

export const stampToProperties = (stamp: Stamp): [string, string][] => FIELDS.map((f) => [STAMP_PROPERTIES[f], stamp[f]]);

/** The stamp in a workbook's custom properties; undefined when any field is missing. */
export function stampFromProperties(props: Readonly<Record<string, string>>): Stamp | undefined {
  const stamp: Partial<Stamp> = {};
  for (const f of FIELDS) {
    const v = props[STAMP_PROPERTIES[f]];
    if (typeof v !== 'string' || v === '') return undefined;
    stamp[f] = v;
  }
  return stamp as Stamp;
}

/**
 * valid: same rubric, same scored cells. other-rubric: stamped against another rubric id or content
 * (checked first: cells cannot be compared across rubrics). modified: a score, evidence or reason
 * changed after stamping. absent: no stamp, or a stamp for another sheet of the workbook.
 */
export async function stampStatus(stamp: Stamp | undefined, subject: Omit<StampSubject, 'scorecard'>, sha256: Sha256Hex): Promise<StampStatus> {
  if (!stamp || stamp.sheet !== subject.sheet.name) return 'absent';
  if (stamp.rubricId !== subject.rubric.id || stamp.rubricHash !== (await rubricHash(subject.rubric, sha256))) return 'other-rubric';
  return stamp.digest === (await sha256(scoredCellsText(subject.sheet, subject.table))) ? 'valid' : 'modified';
}
