import { Button, mergeClasses } from '@fluentui/react-components';
import { useContext } from 'react';
import type { Rubric } from '../../../engine/rubric-types';
import type { Finding } from '../../../engine/validate/finding';
import { LocaleContext, useT } from '../../strings';
import { groupFindings } from './group-findings';
import { useFindingListStyles } from './useFindingListStyles';

export interface FindingListProps {
  findings: readonly Finding[];
  rubric: Rubric;
  disabled: boolean;
  onSelect(f: Finding): void;
}

/** Every finding as a button that takes the person to its cell; grouped by severity, then category. */
export function FindingList({ findings, rubric, disabled, onSelect }: FindingListProps) {
  const t = useT();
  const s = useFindingListStyles();
  const groups = groupFindings(findings, rubric, useContext(LocaleContext));
  return (
    <section className={s.root} aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={s.heading}>
        {t('findingsTitle', { count: findings.length })}
      </h2>
      {groups.length === 0 && <p>{t('noFindings')}</p>}
      {groups.map((g) => (
        <section key={g.severity} aria-labelledby={`sev-${g.severity}`}>
          <h3 id={`sev-${g.severity}`} className={s.severityHeading}>
            {t(`severity.${g.severity}`, { count: g.count })}
          </h3>
          {g.categories.map((c) => (
            <div key={c.id || 'sheet'}>
              <h4 className={s.categoryHeading}>{c.name ?? t('otherCategory')}</h4>
              <ul className={s.list}>
                {c.findings.map((f, i) => (
                  <li key={`${f.cell}-${f.code}-${i}`}>
                    <Button
                      appearance="subtle"
                      className={mergeClasses(s.item, s[f.severity])}
                      disabled={disabled}
                      title={t('findingLabel', { cell: f.cell, message: f.message })}
                      data-cell={f.cell}
                      data-severity={f.severity}
                      onClick={() => onSelect(f)}
                    >
                      <span className={s.cell}>
                        {f.cell}
                      </span>
                      <span>{f.message}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
