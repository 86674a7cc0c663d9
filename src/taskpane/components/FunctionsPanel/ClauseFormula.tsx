import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { clauseInputNames } from '../../../engine/functions/clause-inputs';
import type { Clause } from '../../../engine/rubric-types';
import { useT, type Translate, type UiKey } from '../../strings';
import { formulaForClause, guardEmptyInputs, normaliseCell, type InputKey } from './formula-for-clause';
import { useFunctionsPanelStyles } from './useFunctionsPanelStyles';

export interface ClauseFormulaProps {
  clause: Clause;
  scoreCell: string;
  disabled: boolean;
  /** True when the cell on the clause's sheet is empty (as last read). */
  isEmptyCell(address: string): boolean;
  /** The selected cell's address, or undefined when it cannot be used (the panel has said why). */
  onPick(): Promise<string | undefined>;
  onInsert(formula: string): void;
}

/** A composite clause's SCORE_CLAUSE inputs, in order, in words: 第 1 项是否达标（是/否）、…、整条发现例数. */
function compositeInputs(clause: Clause, t: Translate): string {
  return clauseInputNames(clause.rule)
    .map((name) => {
      const m = /^parts\[(\d+)\]\.(\w+)$/.exec(name);
      if (m) return t(`field.${m[2]}` as UiKey, { n: Number(m[1]) + 1 });
      return t('field.wholeCases');
    })
    .join('、');
}

/** One clause: its rule, and for a computable rule the input cells and the formula to write. */
export function ClauseFormula({ clause, scoreCell, disabled, isEmptyCell, onPick, onInsert }: ClauseFormulaProps) {
  const t = useT();
  const s = useFunctionsPanelStyles();
  const spec = formulaForClause(clause);
  const [inputs, setInputs] = useState<Partial<Record<InputKey, string>>>({});
  const cells = Object.fromEntries((spec?.inputs ?? []).map((k) => [k, normaliseCell(inputs[k] ?? '')])) as Record<InputKey, string | undefined>;
  const ready = !!spec && spec.inputs.every((k) => cells[k] !== undefined);
  const chosen = spec ? spec.inputs.map((k) => cells[k]).filter((c): c is string => c !== undefined) : [];
  const formula = ready ? guardEmptyInputs(spec.build(cells as Record<InputKey, string>), chosen) : undefined;

  const pick = async (k: InputKey) => {
    const address = await onPick();
    if (address) setInputs((prev) => ({ ...prev, [k]: address }));
  };

  const composite = clause.rule.kind === 'composite';
  const compositeExample = composite
    ? `=RUBRIC.SCORE_CLAUSE("${clause.id}",${clauseInputNames(clause.rule)
        .map(() => '…')
        .join(',')})`
    : '';

  return (
    <div className={s.clause} data-clause={clause.id}>
      <p className={s.clauseText}>{clause.text}</p>
      <span className={s.meta}>
        {t('clauseMax', { max: clause.max })} · {t('ruleLabel', { kind: t(`kind.${clause.rule.kind}`) })}
      </span>
      {!spec && !composite && <span>{t('noFormula')}</span>}
      {composite && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('compositeFormula', {
              parts: clause.rule.kind === 'composite' ? clause.rule.parts.length : 0,
              cell: scoreCell,
              example: compositeExample,
              id: clause.id,
              inputs: compositeInputs(clause, t),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {spec && (
        <>
          <span className={s.meta}>{t('scoreCell', { cell: scoreCell })}</span>
          {spec.inputs.map((k) => {
            const raw = inputs[k] ?? '';
            const invalid = raw.trim() !== '' && cells[k] === undefined;
            const address = cells[k];
            const empty = address !== undefined && isEmptyCell(address);
            const label = t(`input.${k}`);
            return (
              <Field
                key={k}
                label={label}
                hint={empty ? t('inputEmpty', { cell: address }) : t('inputHint')}
                validationState={invalid ? 'error' : empty ? 'warning' : 'none'}
                validationMessage={invalid ? t('invalidCell', { value: raw }) : undefined}
              >
                <div className={s.inputRow}>
                  <Input className={s.input} value={raw} disabled={disabled} onChange={(_, d) => setInputs((prev) => ({ ...prev, [k]: d.value }))} />
                  <Button disabled={disabled} aria-label={t('useSelectionLabel', { input: label })} onClick={() => void pick(k)}>
                    {t('useSelection')}
                  </Button>
                </div>
              </Field>
            );
          })}
          {formula && (
            <div>
              <span className={s.meta}>{t('formulaPreview')}</span>
              <div className={s.formula} data-testid="formula-preview">
                {formula}
              </div>
            </div>
          )}
          <Button appearance="primary" disabled={disabled || !formula} onClick={() => formula && onInsert(formula)}>
            {t('insertFormula')}
          </Button>
        </>
      )}
    </div>
  );
}
