import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import { useContext, useMemo } from 'react';
import type { Rubric } from '../../../engine/rubric-types';
import { LocaleContext, useT } from '../../strings';
import { functionHelp } from './function-help';
import { useFunctionsPanelStyles } from './useFunctionsPanelStyles';

/** One collapsed card per RUBRIC function: what it computes, its arguments, an example from the rubric. */
export function FunctionHelpList({ rubric }: { rubric: Rubric }) {
  const t = useT();
  const s = useFunctionsPanelStyles();
  const locale = useContext(LocaleContext);
  const cards = useMemo(() => functionHelp(rubric, locale), [rubric, locale]);
  return (
    <section aria-labelledby="function-help-heading" className={s.help}>
      <h3 id="function-help-heading" className={s.heading}>
        {t('helpTitle')}
      </h3>
      <p className={s.intro}>{t('helpIntro')}</p>
      <Accordion collapsible multiple>
        {cards.map((card) => (
          <AccordionItem key={card.name} value={card.name} data-function={card.name}>
            <AccordionHeader size="small">
              <span className={s.code}>RUBRIC.{card.name}</span>
            </AccordionHeader>
            <AccordionPanel>
              <div className={s.help}>
                <code className={s.formula}>{card.signature}</code>
                <p className={s.clauseText}>{card.description}</p>
                <span className={s.meta}>{t('helpParams')}</span>
                <ul className={s.helpParams}>
                  {card.params.map((p) => (
                    <li key={p.name}>
                      <span className={s.code}>{p.name}</span>
                      {p.optional ? `（${t('helpOptional')}）` : ''}：{p.text}
                    </li>
                  ))}
                </ul>
                {card.example && (
                  <>
                    <span className={s.meta}>{t('helpExample', { source: card.example.source })}</span>
                    <code className={s.formula}>{card.example.formula}</code>
                    <span>{t('helpResult', { result: card.example.result })}</span>
                  </>
                )}
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
