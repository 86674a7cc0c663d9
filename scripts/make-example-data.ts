/**
 * What two 街道 wrote in their 2023 self-assessments: the examples under examples/. Scores, evidence and
 * reasons are realistic; 江苏路街道's sheet keeps a few honest mistakes so `validate` has something to show.
 * A clause not listed here scores full marks with the evidence the rubric names.
 */
import type { Clause } from '../src/engine/rubric-types';

export interface ClauseFill {
  score: number | string;
  evidence?: string;
  reason?: string;
  /** 备注 (the staff layout only). */
  note?: string;
}

/** Evidence as staff list it: the main ledger as a titled document, then the rest. */
export function defaultEvidence(town: string, clause: Clause): string {
  const [first, ...rest] = clause.evidence;
  if (!first) return '';
  return [`《2023年${town}${first}》`, ...rest].join('、');
}

/** Full marks (0 on bonus and penalty rows, 否 on the veto row). */
export function defaultScore(clause: Clause): number | string {
  if (clause.rule.kind === 'veto') return '否';
  if (clause.rule.kind === 'bonus' || clause.rule.kind === 'penalty') return 0;
  return clause.max;
}

/** Evidence staff wrote in their own words, shared by both examples where the work is the same. */
const EVIDENCE: Record<string, string> = {
  '1.1.1': '《2023年政策找人走访台账》（入户走访 1,286 户）、“沉默少数”数据比对预警记录、主动发现队伍名单',
  '1.1.2': '政策找人数据统计表（1—12月）、《2023年政策找人工作总结》、实践案例 2 篇',
  '1.2.1': '社区救助顾问服务站照片及制度上墙材料、专业培训签到表（2023年6月）、“社区云+”使用记录、四张清单',
  '1.2.2': '《2023年社区救助顾问工作总结》、优秀案例 3 篇、顾问明星推荐材料',
  '1.3.1': '综合治理工作台账、突出问题整改台账、近亲属备案材料、信访化解记录',
  '1.4.1': '春节、端午、中秋、国庆走访安排表及活动照片、《2023年帮困送温暖工作总结》',
  '2.2.1': '社会救助工作人员名单及岗位职责分工表、户籍人口统计（2023年12月）',
  '2.4.1': '《2022年度社会救助绩效评价问题整改报告》',
  '3.5.1': '街面巡查记录、上报转送区救助站登记表、属地接收安置记录',
  '3.6.1': '核对员持证证明 2 份、核对员培训签到表',
  '3.6.5': '继续教育培训签到表（参训率 92%）',
  '4.1.1': '灾情系统报灾记录（2023年9月台风“海葵”，1小时40分报灾）',
  '5.2.2': '《2023年社会救助业务培训计划》、培训签到表 4 份、课件',
};

/** 江苏路街道: the staff layout, with the mistakes a careful reviewer would catch. */
export const JIANGSULU: Record<string, ClauseFill> = {
  '1.1.1': {
    score: 4.5,
    reason: '线上评估预警比对出的 6 条预警信息中有 2 条超过 15 个工作日才核实反馈，酌情扣 0.5 分。',
  },
  // Mistake: 1.5 on a 1-point clause.
  '1.3.3': { score: 1.5, evidence: '《2023年社会救助综合治理工作总结》、工作台账、典型案例 3 篇' },
  // Mistake: 0.5 on an all-or-nothing clause.
  '2.1.1': {
    score: 0.5,
    evidence: '《江苏路街道社会救助工作协调机制》（江街〔2023〕12号）、协调会议记录',
    reason: '协调机制已建立，但全年仅召开 1 次协调会议，运作实效不足，酌情扣 0.5 分。',
  },
  // Mistake: points taken off without a reason.
  '2.3.1': { score: 1.5, evidence: '低保审核确认档案抽查记录、《2023年审核确认工作台账》' },
  '2.5.2': {
    score: 0.8,
    evidence: '区级以上媒体社会救助信息报道 3 篇（剪报）',
    reason: '全年社会救助信息报道 3 篇，较上年减少，视情扣 0.2 分。',
  },
  // Mistake: full points with no evidence.
  '3.3.1': { score: 2, evidence: '' },
  '3.2.5': {
    score: 0.5,
    evidence: '代管特困人员财产一人一账台账',
    note: '代管财产 2 户，经办人周丽 13817726354',
  },
  '3.6.3': {
    score: 0.9,
    evidence: '核对业务统计表（2023年1—12月）',
    reason: '住房保障类业务超期率 21%（≤10% 得满分，每增加 10% 扣 0.1 分），扣 0.1 分。',
  },
  '4.2.1': {
    score: 0.9,
    evidence: '医疗救助台账',
    reason: '1 例医疗救助申请因材料补正超过规定时限办结，扣 0.1 分。',
  },
  '5.1.2': {
    score: 2,
    evidence: '退出对象回访记录、《2023年退出对象台账》',
    reason: '抽取 2023 年退出对象 20 户，1 户退出后第 1 个月未完成必访，扣 1 分。',
  },
  '6.1.1': {
    score: 1,
    evidence: '《江苏路街道“政策找人”主动发现机制》入选市民政局《社会救助工作简报》2023年第9期',
  },
};

/** 新华路街道: the generated template filled in correctly — deductions explained, evidence everywhere. */
export const XINHUALU: Record<string, ClauseFill> = {
  '1.1.1': {
    score: 4.8,
    reason: '入户走访覆盖率 96%，个别长期外出对象未完成面访，酌情扣 0.2 分。',
  },
  '2.3.2': {
    score: 1.5,
    evidence: '定期复审记录、《2023年动态管理工作台账》',
    reason: '抽查发现 1 例低保对象未按期复审（逾期 12 天），扣 0.5 分。',
  },
  '3.2.5': { score: 0.5, evidence: '本年度无代管特困人员财产的情况说明' },
  '4.5.1': {
    score: 0.8,
    evidence: '就业困难人员认定台账',
    reason: '1 名就业困难人员认定超过规定时限，扣 0.2 分。',
  },
  '5.2.1': {
    score: 1.5,
    evidence: '公示记录及照片',
    reason: '1 个居委公示栏未按规定公示满 7 日，扣 0.5 分。',
  },
  '6.1.3': {
    score: 1,
    evidence: '《关于开展社会救助“一件事”集成改革试点的通知》、试点工作总结',
  },
};

/** The fill of a clause: the town's own entry, else full marks with the shared or derived evidence. */
export function fillFor(town: string, clause: Clause, overrides: Record<string, ClauseFill>): Required<Omit<ClauseFill, 'note'>> & { note?: string } {
  const own = overrides[clause.id];
  const score = own?.score ?? defaultScore(clause);
  const scored = typeof score === 'number' && score !== 0;
  const evidence = own?.evidence ?? (scored ? EVIDENCE[clause.id] ?? defaultEvidence(town, clause) : '');
  return { score, evidence, reason: own?.reason ?? '', note: own?.note };
}
