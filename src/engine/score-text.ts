/**
 * How a category's score reads against its cap, the same in the pane and the CLI. A penalty category
 * reads 「扣 0 分（最多扣 5 分）」: "0 / −5" was read as 0 out of −5.
 */
import type { Dec } from './decimal';
import { t, type Locale } from './messages';
import type { CategoryKind } from './rubric-types';

export function categoryScoreText(c: { kind: CategoryKind; score: Dec; cap: Dec }, locale: Locale = 'zh-CN'): string {
  if (c.kind === 'penalty') return t('score.penalty', { deducted: c.score.abs().toString(), cap: c.cap.toString() }, locale);
  return t('score.ofCap', { score: c.score.toString(), cap: c.cap.toString() }, locale);
}
