import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useContext, useState } from 'react';
import type { Rubric } from '../../../engine/rubric-types';
import type { WorkbookHost } from '../../../host/workbook-host';
import type { WorkbookActions } from '../../hooks/useWorkbookActions';
import { LocaleContext, useT } from '../../strings';
import { ClauseFormula } from './ClauseFormula';
import { FunctionHelpList } from './FunctionHelpList';
import { cellContent, readSelectedRow, type SelectedRow } from './use-selected-clause';
import { useFunctionsPanelStyles } from './useFunctionsPanelStyles';

export interface FunctionsPanelProps {
  host: WorkbookHost;
  rubric: Rubric;
  actions: WorkbookActions;
}

interface PendingWrite {
  sheet: string;
  cell: string;
  formula: string;
  current: string;
}

/** The clause on the selected row, its rule, and the RUBRIC formula for its score cell; then every function's help card. */
export function FunctionsPanel({ host, rubric, actions }: FunctionsPanelProps) {
  const t = useT();
  const s = useFunctionsPanelStyles();
  const locale = useContext(LocaleContext);
  const [selected, setSelected] = useState<SelectedRow | null>(null);
  const [pending, setPending] = useState<PendingWrite | null>(null);
  const busy = actions.busy !== null;

  const read = async () => {
    const row = await actions.run('selection', () => readSelectedRow(host, rubric, locale));
    if (row) setSelected(row);
  };

  const write = async (sheet: string, cell: string, formula: string) => {
    const done = await actions.run('formula', async () => {
      await host.writeFormula(sheet, cell, formula);
      return true;
    });
    if (done) actions.setNotice(t('formulaWritten', { cell, formula }));
  };

  /** Never replaces what a person typed without asking: the score cell is read again just before writing. */
  const insert = async (formula: string) => {
    if (!selected?.scoreCell) return;
    const cell = selected.scoreCell;
    const sheet = selected.sheet;
    const model = await actions.run('formula', () => host.readActiveSheet());
    if (!model) return;
    const current = model.name === sheet ? cellContent(model, cell) : '';
    if (current !== '' && current.replace(/\s/g, '') !== formula.replace(/\s/g, '')) setPending({ sheet, cell, formula, current });
    else await write(sheet, cell, formula);
  };

  const confirm = async () => {
    const p = pending;
    setPending(null);
    if (p) await write(p.sheet, p.cell, p.formula);
  };

  const cancel = () => {
    if (pending) actions.setNotice(t('notWritten', { cell: pending.cell }));
    setPending(null);
  };

  /** The selected cell for an input, from the same sheet; the sheet is read again so emptiness is current. */
  const pick = async (): Promise<string | undefined> => {
    if (!selected) return undefined;
    const got = await actions.run('selection', async () => ({ selection: await host.getSelection(), model: await host.readActiveSheet() }));
    if (!got) return undefined;
    if (got.selection.sheet !== selected.sheet) {
      actions.setNotice(t('pickedOtherSheet', { sheet: got.selection.sheet, expected: selected.sheet }));
      return undefined;
    }
    setSelected((prev) => (prev ? { ...prev, model: got.model } : prev));
    return got.selection.address.split(':')[0].replace(/\$/g, '');
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
            <ClauseFormula
              key={`${selected.sheet}!${selected.scoreCell}`}
              clause={selected.clauses[0]}
              scoreCell={selected.scoreCell}
              disabled={busy}
              isEmptyCell={(address) => cellContent(selected.model, address) === ''}
              onPick={pick}
              onInsert={(f) => void insert(f)}
            />
          )}
          {selected.clauses.length > 1 &&
            selected.clauses.map((c) => (
              <p key={c.id} className={s.clauseText}>
                {c.text}
              </p>
            ))}
        </div>
      )}
      <Dialog open={pending !== null} modalType="alert" onOpenChange={(_, d) => !d.open && cancel()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('confirmTitle')}</DialogTitle>
            <DialogContent>{pending && t('confirmBody', { cell: pending.cell, current: pending.current })}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void confirm()}>
                {t('confirmReplace')}
              </Button>
              <Button onClick={cancel}>{t('confirmCancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <FunctionHelpList rubric={rubric} />
    </section>
  );
}
