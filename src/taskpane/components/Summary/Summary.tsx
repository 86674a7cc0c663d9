import { MessageBar, MessageBarBody, MessageBarTitle, mergeClasses } from '@fluentui/react-components';
import type { ValidationResult } from '../../../engine/validate/validate-sheet';
import { useContext } from 'react';
import { categoryName, scorecardGrade } from '../../../engine/rubric-names';
import { categoryScoreText } from '../../../engine/score-text';
import { LocaleContext, useT, type Translate } from '../../strings';
import { verdictOf, type Verdict } from '../../findings/verdict';
import { useSummaryStyles } from './useSummaryStyles';

export interface SummaryProps {
  result: ValidationResult;
}

export function verdictTitle(v: Verdict, t: Translate): string {
  if (v.ready) return t('verdict.ready');
  if (v.errors > 0 && v.missing > 0) return t('verdict.both', { errors: v.errors, missing: v.missing });
  return v.missing > 0 ? t('verdict.missing', { missing: v.missing }) : t('verdict.errors', { errors: v.errors });
}

/** The verdict first (can it be submitted?), then the total, grade and each category against its cap. */
export function Summary({ result }: SummaryProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const s = useSummaryStyles();
  const { scorecard } = result;
  const v = verdictOf(result);
  return (
    <section className={s.root} aria-labelledby="summary-heading">
      <MessageBar intent={v.ready ? 'success' : 'warning'} data-testid="verdict">
        <MessageBarBody>
          <MessageBarTitle>{verdictTitle(v, t)}</MessageBarTitle>
          {v.ready ? (v.warnings > 0 ? t('readyWithWarnings', { warnings: v.warnings }) : t('readyBody')) : t('fixThenRecheck')}
        </MessageBarBody>
      </MessageBar>
      <h2 id="summary-heading" className={s.heading}>
        {t('summaryTitle')}
      </h2>
      <span className={s.sheet}>
        {t('sheetLabel', { sheet: result.sheet })}
        {v.missing > 0 && (
          <>
            {' · '}
            <span data-testid="filled-count">{t('filledCount', { filled: v.scoreRows - v.missing, total: v.scoreRows })}</span>
          </>
        )}
      </span>
      <div className={s.headline}>
        <div className={s.figure}>
          <span className={s.figureLabel}>{v.provisional ? t('totalProvisional') : t('total')}</span>
          <span className={mergeClasses(s.figureValue, v.provisional && s.provisional)} data-testid="total" data-provisional={v.provisional || undefined}>
            {scorecard.total.toString()}
          </span>
          {result.provisional && (
            <span className={s.figureLabel} data-testid="provisional">
              {t('provisional', { errors: result.errorsToFix })}
            </span>
          )}
        </div>
        <div className={s.figure}>
          <span className={s.figureLabel}>{t('grade')}</span>
          <span className={mergeClasses(s.figureValue, v.provisional && s.provisional)} data-testid="grade">
            {scorecardGrade(scorecard, locale)}
          </span>
        </div>
      </div>
      {v.provisional && <span className={s.sheet}>{t('provisionalHint')}</span>}
      <table className={s.table}>
        <thead>
          <tr>
            <th scope="col" className={s.th}>
              {t('categoryColumn')}
            </th>
            <th scope="col" className={mergeClasses(s.th, s.num)}>
              {t('scoreColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {scorecard.categories.map((c) => {
            const over = c.kind === 'penalty' ? c.raw.lt(c.cap.neg()) : c.raw.gt(c.cap);
            const text = categoryScoreText(c, locale);
            return (
              <tr key={c.id}>
                <th scope="row" className={mergeClasses(s.td, s.th)}>
                  {categoryName(c, locale)}
                </th>
                <td className={mergeClasses(s.td, s.num, over && s.over)}>{text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
