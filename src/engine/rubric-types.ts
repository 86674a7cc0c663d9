/**
 * The rubric as data: the shape of `rubric/*.yaml` after parsing and schema validation.
 * Numbers in the file are plain YAML numbers; the engine turns them into decimals itself,
 * so a file never needs quoted decimals.
 */

export type Comparison = '>' | '>=' | '<' | '<=';
export type BandMode = 'full' | 'started';

/** 视情给分 / 酌情扣分: the assessor picks any value in [0, max] at the rubric's resolution. */
export interface DiscretionaryRule {
  kind: 'discretionary';
}

/** 得 X 分，否则不得分: 0 or `points` (points defaults to the clause max). */
export interface AllOrNothingRule {
  kind: 'all-or-nothing';
  points?: number;
}

/** 每发现 1 例…扣 Y 分，扣完为止: max(0, max − cases·perCase). */
export interface DeductRule {
  kind: 'deduct';
  perCase: number;
  /** What one case is, e.g. 违反流程. */
  caseLabel?: string;
}

/** 超期率≤10%，得 0.5 分，每增加 10%，扣 0.1 分，扣完为止 (rates as fractions: 0.1 = 10%). */
export interface BandRule {
  kind: 'band';
  measure: string;
  threshold: number;
  step: number;
  perStep: number;
  /** Points when the rate is within the threshold (defaults to the clause max). */
  points?: number;
  /** full (default): count full steps past the threshold; started: every started step counts. */
  mode?: BandMode;
}

/** 参训率>80%，得 1 分，否则不得分. */
export interface ThresholdRule {
  kind: 'threshold';
  measure: string;
  comparison: Comparison;
  threshold: number;
  points?: number;
  /** rate: the value is a rate (0.8 = 80%, 80 and "80%" accepted); count: a plain number (hours, people). */
  unit?: 'rate' | 'count' | 'hours' | 'days';
}

/** First tier that holds wins; a tier's `min` applies to the clause's single measure when there is one. */
export interface Tier {
  label: string;
  points: number;
  min?: number;
}
export interface TiersRule {
  kind: 'tiers';
  measure?: string;
  tiers: Tier[];
}

/** 每报一例得 0.1 分，封顶 0.5 分: min(cap, count·perCase). */
export interface AdditiveRule {
  kind: 'additive';
  perCase: number;
  cap: number;
  caseLabel?: string;
}

/** 按比例扣分: points · compliant / total, rounded half-up to 0.01. */
export interface ProportionalRule {
  kind: 'proportional';
  points?: number;
}

export interface CompositePart {
  label: string;
  /** The part's own maximum; required for discretionary and deduct parts, others default to their points (additive: cap). */
  max?: number;
  rule: PartRule;
}
/** Several sub-points inside one clause: sum of parts, never above the clause max, then an optional per-case deduction on the whole, floored at 0. */
export interface CompositeRule {
  kind: 'composite';
  parts: CompositePart[];
  deductPerCase?: number;
  caseLabel?: string;
}

/** 扣分项: each case takes `perCase` points off (the score is negative). */
export interface PenaltyRule {
  kind: 'penalty';
  cases: { label: string; perCase: number }[];
}

/** 一票否决: 是/否; 是 forces the grade 不合格. */
export interface VetoRule {
  kind: 'veto';
}

/** 加分项: discretionary addition; the section cap applies. */
export interface BonusRule {
  kind: 'bonus';
}

export type PartRule =
  | DiscretionaryRule
  | AllOrNothingRule
  | DeductRule
  | BandRule
  | ThresholdRule
  | TiersRule
  | AdditiveRule
  | ProportionalRule;

export type Rule = PartRule | CompositeRule | PenaltyRule | VetoRule | BonusRule;
export type RuleKind = Rule['kind'];

export interface NotApplicable {
  /** award-max: a clause that does not apply earns its maximum; exclude: it is left out of the sums. */
  policy: 'award-max' | 'exclude';
  when: string;
}

export interface Clause {
  /** Stable id: category.item.clause, e.g. "3.6.4". */
  id: string;
  /** The clause number as printed (1、2、…); 1 for an item with a single unnumbered clause. */
  number: number;
  /** Verbatim text from the source, including the trailing （N分）. */
  text: string;
  /** The clause maximum, the （N分） at its end (the penalty section: the most it can take off, as a positive number). */
  max: number;
  /** Points stated inside the text when they differ from `max` (a source slip the linter reports). */
  statedPoints?: number;
  rule: Rule;
  /** Evidence the clause names: 台账, 工作总结, 案例, 培训记录, 协议, 名录 … */
  evidence: string[];
  notApplicable?: NotApplicable;
  /** Why a reading was chosen where the source is silent or inconsistent. */
  decision?: string;
  /** Typos kept verbatim, each as the text and what it means. */
  typos?: { text: string; meant: string }[];
}

export interface Item {
  id: string;
  /** 评价内容, verbatim (the PDF's line breaks removed). */
  name: string;
  /** Alternative names staff use for the item (short forms, without brackets …). */
  aliases?: string[];
  max: number;
  clauses: Clause[];
}

export type CategoryKind = 'base' | 'bonus' | 'penalty';

export interface Category {
  id: string;
  /** 指标体系, e.g. 年度重点工作任务. */
  name: string;
  /** The name in English, for the English pane and CLI; the Chinese name is shown when absent. */
  nameEn?: string;
  kind: CategoryKind;
  /** base and bonus: the most the category can count; penalty: the most it can take off (5 for −5). */
  cap: number;
  items: Item[];
}

export interface GradeBand {
  grade: string;
  /** The grade in English; absent, a known Chinese grade (优秀 …) has a default, any other shows as written. */
  gradeEn?: string;
  /** Lowest total that earns this grade. */
  min: number;
}

export interface Rubric {
  id: string;
  title: string;
  year: number;
  region: string;
  source: string;
  /** Sum of the base categories' caps. */
  total: number;
  /** The finest step a score can take (0.01: proportional rounding). */
  resolution: number;
  grades: {
    assumption: boolean;
    note: string;
    /** Highest first; the last band's min is the floor. */
    bands: GradeBand[];
    vetoGrade: string;
    vetoGradeEn?: string;
  };
  decisions: { topic: string; decision: string }[];
  categories: Category[];
}
