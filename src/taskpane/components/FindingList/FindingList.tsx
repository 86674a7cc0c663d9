import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, mergeClasses } from '@fluentui/react-components';
import { useContext, useEffect, useRef, useState } from 'react';
import type { Rubric } from '../../../engine/rubric-types';
import type { Finding } from '../../../engine/validate/finding';
import { isMissingScore } from '../../findings/verdict';
import { LocaleContext, useT } from '../../strings';
import { groupFindings } from './group-findings';
import { useFindingListStyles } from './useFindingListStyles';

export interface FindingListProps {
  findings: readonly Finding[];
  rubric: Rubric;
  disabled: boolean;
  /** The finding the person is at (index into `findings`), drawn as current and kept in view. */
  current?: number | null;
  onSelect(f: Finding): void;
}

const MISSING_GROUP = 'missing';

/**
 * Every finding as a button that takes the person to its cell; grouped by severity, then category, each
 * heading with its count. Empty score cells are one collapsed group, not a wall of identical errors.
 */
export function FindingList({ findings, rubric, disabled, current = null, onSelect }: FindingListProps) {
  const t = useT();
  const s = useFindingListStyles();
  const missing = findings.filter(isMissingScore);
  const groups = groupFindings(
    findings.filter((f) => !isMissingScore(f)),
    rubric,
    useContext(LocaleContext),
  );
  const currentFinding = current === null ? undefined : findings[current];
  const [missingOpen, setMissingOpen] = useState(false);
  const currentRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (currentFinding && isMissingScore(currentFinding)) setMissingOpen(true);
  }, [currentFinding]);
  useEffect(() => {
    // jsdom has no scrollIntoView. scroll-margin keeps the item clear of the sticky toolbar.
    currentRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [currentFinding, missingOpen]);

  const item = (f: Finding, key: string) => {
    const isCurrent = f === currentFinding;
    return (
      <li key={key}>
        <Button
          ref={isCurrent ? currentRef : undefined}
          appearance="subtle"
          className={mergeClasses(s.item, s[f.severity], isCurrent && s.current)}
          disabled={disabled}
          aria-current={isCurrent ? 'true' : undefined}
          title={t('findingLabel', { cell: f.cell, message: f.message })}
          data-cell={f.cell}
          data-severity={f.severity}
          onClick={() => onSelect(f)}
        >
          <span className={s.cell}>{f.cell}</span>
          <span>{f.message}</span>
        </Button>
      </li>
    );
  };

  return (
    <section className={s.root} aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={s.heading}>
        {t('findingsTitle', { count: findings.length })}
      </h2>
      {findings.length === 0 && <p>{t('noFindings')}</p>}
      {missing.length > 0 && (
        <Accordion
          collapsible
          openItems={missingOpen ? [MISSING_GROUP] : []}
          onToggle={(_, d) => setMissingOpen(d.openItems.includes(MISSING_GROUP))}
        >
          <AccordionItem value={MISSING_GROUP} className={s.missingGroup}>
            <AccordionHeader size="small">
              <span className={s.severityHeading} id="missing-heading">
                {t('missingGroup', { count: missing.length })}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <p className={s.hint}>{t('missingGroupHint')}</p>
              <ul className={s.list} aria-labelledby="missing-heading">
                {missing.map((f, i) => item(f, `${f.cell}-${i}`))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {groups.map((g) => (
        <section key={g.severity} aria-labelledby={`sev-${g.severity}`}>
          <h3 id={`sev-${g.severity}`} className={s.severityHeading}>
            {t(`severity.${g.severity}`, { count: g.count })}
          </h3>
          {g.categories.map((c) => (
            <div key={c.id || 'sheet'}>
              <h4 className={s.categoryHeading}>{t('categoryCount', { name: c.name ?? t('otherCategory'), count: c.findings.length })}</h4>
              <ul className={s.list}>{c.findings.map((f, i) => item(f, `${f.cell}-${f.code}-${i}`))}</ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
