import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useContext, useState } from 'react';
import type { Rubric } from '../../../engine/rubric-types';
import type { WorkbookHost } from '../../../host/workbook-host';
import type { WorkbookActions } from '../../hooks/useWorkbookActions';
import { LocaleContext, useT } from '../../strings';
import { ClauseFormula } from './ClauseFormula';
import { readSelectedRow, type SelectedRow } from './use-selected-clause';
import { useFunctionsPanelStyles } from './useFunctionsPanelStyles';

export interface FunctionsPanelProps {
  host: WorkbookHost;
  rubric: Rubric;
  actions: WorkbookActions;
}

/** The clause on the selected row, its rule, and the RUBRIC formula for its score cell. */
export function FunctionsPanel({ host, rubric, actions }: FunctionsPanelProps) {
  const t = useT();
  const s = useFunctionsPanelStyles();
  const locale = useContext(LocaleContext);
  const [selected, setSelected] = useState<SelectedRow | null>(null);
  const busy = actions.busy !== null;

  const read = async () => {
    const row = await actions.run('selection', () => readSelectedRow(host, rubric, locale));
    if (row) setSelected(row);
  };

  const insert = async (formula: string) => {
    if (!selected?.scoreCell) return;
    const cell = selected.scoreCell;
    const done = await actions.run('formula', async () => {
      await host.writeFormula(selected.sheet, cell, formula);
      return true;
    });
    if (done) actions.setNotice(t('formulaWritten', { cell, formula }));
  };

  return (
    <section className={s.root} aria-labelledby="functions-heading">
      <h2 id="functions-heading" className={s.heading}>
        {t('functionsTitle')}
      </h2>
      <p className={s.intro}>{t('functionsIntro')}</p>
      <Button disabled={busy} onClick={read}>
        {t('readSelection')}
      </Button>
      {selected && (
        <div aria-live="polite">
          <span className={s.meta}>{t('selectionRow', { row: selected.rowNumber, sheet: selected.sheet })}</span>
          {selected.clauses.length === 0 && (
            <MessageBar intent="info">
              <MessageBarBody>{t('notAClauseRow', { row: selected.rowNumber })}</MessageBarBody>
            </MessageBar>
          )}
          {selected.clauses.length > 1 && (
            <MessageBar intent="info">
              <MessageBarBody>{t('severalClauses', { count: selected.clauses.length })}</MessageBarBody>
            </MessageBar>
          )}
          {selected.clauses.length === 1 && selected.scoreCell && (
            <ClauseFormula key={`${selected.sheet}!${selected.scoreCell}`} clause={selected.clauses[0]} scoreCell={selected.scoreCell} disabled={busy} onInsert={insert} />
          )}
          {selected.clauses.length > 1 &&
            selected.clauses.map((c) => (
              <p key={c.id} className={s.clauseText}>
                {c.text}
              </p>
            ))}
        </div>
      )}
    </section>
  );
}
