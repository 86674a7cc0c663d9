import { numberList, requireNotAbove } from '../args';
import { D, type Dec } from '../decimal';

/**
 * The exact sum of a range of scores, then limited to [floor, cap] when given (a section's
 * 累计最高不超过 5 分, the penalty section's −5). Empty cells are skipped; text is an error.
 */
export function sum(values: unknown, cap?: Dec, floor?: Dec): Dec {
  if (cap !== undefined && floor !== undefined) requireNotAbove('floor', floor, 'cap', cap);
  let total = numberList('values', values).reduce((acc, d) => acc.plus(d), new D(0));
  if (cap !== undefined) total = D.min(total, cap);
  if (floor !== undefined) total = D.max(total, floor);
  return total;
}
