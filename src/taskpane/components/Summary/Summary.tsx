import { MessageBar, MessageBarBody, MessageBarTitle, mergeClasses } from '@fluentui/react-components';
import type { ValidationResult } from '../../../engine/validate/validate-sheet';
import { useContext } from 'react';
import { categoryName, scorecardGrade } from '../../../engine/rubric-names';
import { categoryScoreText } from '../../../engine/score-text';
import { LocaleContext, useT } from '../../strings';
import { useSummaryStyles } from './useSummaryStyles';

export interface SummaryProps {
  result: ValidationResult;
}

/** Total, grade, each category against its cap, and whether the sheet can be submitted. */
export function Summary({ result }: SummaryProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const s = useSummaryStyles();
  const { scorecard, findings } = result;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return (
    <section className={s.root} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={s.heading}>
        {t('summaryTitle')}
      </h2>
      <span className={s.sheet}>{t('sheetLabel', { sheet: result.sheet })}</span>
      <div className={s.headline}>
        <div className={s.figure}>
          <span className={s.figureLabel}>{t('total')}</span>
          <span className={s.figureValue} data-testid="total">
            {scorecard.total.toString()}
          </span>
        </div>
        <div className={s.figure}>
          <span className={s.figureLabel}>{t('grade')}</span>
          <span className={s.figureValue} data-testid="grade">
            {scorecardGrade(scorecard, locale)}
          </span>
        </div>
      </div>
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
      {errors === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('readyTitle')}</MessageBarTitle>
            {warnings > 0 ? t('readyWithWarnings', { warnings }) : t('readyBody')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('notReadyTitle')}</MessageBarTitle>
            {t('notReadyBody', { errors })}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
