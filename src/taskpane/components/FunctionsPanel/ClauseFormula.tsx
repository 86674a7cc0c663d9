import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { Clause } from '../../../engine/rubric-types';
import { useT } from '../../strings';
import { formulaForClause, normaliseCell, type InputKey } from './formula-for-clause';
import { useFunctionsPanelStyles } from './useFunctionsPanelStyles';

export interface ClauseFormulaProps {
  clause: Clause;
  scoreCell: string;
  disabled: boolean;
  onInsert(formula: string): void;
}

/** One clause: its rule, and for a computable rule the input cells and the formula to write. */
export function ClauseFormula({ clause, scoreCell, disabled, onInsert }: ClauseFormulaProps) {
  const t = useT();
  const s = useFunctionsPanelStyles();
  const spec = formulaForClause(clause);
  const [inputs, setInputs] = useState<Partial<Record<InputKey, string>>>({});
  const cells = Object.fromEntries((spec?.inputs ?? []).map((k) => [k, normaliseCell(inputs[k] ?? '')])) as Record<InputKey, string | undefined>;
  const ready = !!spec && spec.inputs.every((k) => cells[k] !== undefined);
  const formula = ready ? spec.build(cells as Record<InputKey, string>) : undefined;
  return (
    <div className={s.clause} data-clause={clause.id}>
      <p className={s.clauseText}>{clause.text}</p>
      <span className={s.meta}>
        {t('clauseMax', { max: clause.max })} · {t('ruleLabel', { kind: t(`kind.${clause.rule.kind}`) })}
      </span>
      {!spec && <span>{t('noFormula')}</span>}
      {spec && (
        <>
          <span className={s.meta}>{t('scoreCell', { cell: scoreCell })}</span>
          {spec.inputs.map((k) => {
            const raw = inputs[k] ?? '';
            const invalid = raw.trim() !== '' && cells[k] === undefined;
            return (
              <Field
                key={k}
                label={t(`input.${k}`)}
                hint={t('inputHint')}
                validationState={invalid ? 'error' : 'none'}
                validationMessage={invalid ? t('invalidCell', { value: raw }) : undefined}
              >
                <Input value={raw} disabled={disabled} onChange={(_, d) => setInputs((prev) => ({ ...prev, [k]: d.value }))} />
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
