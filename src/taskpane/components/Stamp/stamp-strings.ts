/** The stamp panel's words, kept beside it (the pane's shared catalogues are edited elsewhere in parallel). */
import type { Locale } from '../../../engine/messages';
import type { StampStatus } from '../../../engine/stamp/stamp';

export interface StampStrings {
  heading: string;
  write: string;
  hint: string;
  written: (total: string, grade: string) => string;
  hasErrors: (n: number) => string;
  failed: (why: string) => string;
  status: Record<StampStatus, string>;
  statusLabel: string;
}

const zh: StampStrings = {
  heading: '校验印记',
  write: '写入校验印记',
  hint: '校验没有错误时，可把得分和佐证材料的摘要记入工作簿（自定义文档属性）。区里汇总时据此判断提交后是否被改过。这是一致性检查，不是电子签名。',
  written: (total, grade) => `已写入校验印记：总分 ${total}，等第 ${grade}。`,
  hasErrors: (n) => `表中还有 ${n} 个错误，改正并重新校验后才能写入校验印记。`,
  failed: (why) => `未能写入校验印记，工作簿未改动：${why}`,
  status: { valid: '有效', modified: '校验后被修改', 'other-rubric': '按其他评分标准校验', absent: '无' },
  statusLabel: '当前印记',
};

const en: StampStrings = {
  heading: 'Submission stamp',
  write: 'Write the stamp',
  hint: 'With no error left, a digest of the scores and evidence can be kept in the workbook (custom document properties), so the district can tell whether it changed after submission. A consistency check, not a signature.',
  written: (total, grade) => `Stamp written: total ${total}, grade ${grade}.`,
  hasErrors: (n) => `${n} errors remain; correct them and check again before stamping.`,
  failed: (why) => `The stamp was not written and the workbook is unchanged: ${why}`,
  status: { valid: 'valid', modified: 'modified after stamping', 'other-rubric': 'stamped against another rubric', absent: 'none' },
  statusLabel: 'Current stamp',
};

export const stampStrings = (locale: Locale): StampStrings => (locale === 'en' ? en : zh);
