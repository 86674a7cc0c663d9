/**
 * Everything the pane does to the workbook, one action at a time: the action runs, the pane shows a
 * spinner and disables its buttons, and any failure becomes a message — never silence.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../../engine/messages';
import type { Rubric } from '../../engine/rubric-types';
import type { ValidationResult } from '../../engine/validate/validate-sheet';
import { buildTemplateSpec } from '../../engine/template/build-template';
import { HostError, type WorkbookHost } from '../../host/workbook-host';
import { onValidation } from '../../host/validation-events';
import { validateWorkbook } from '../../office/validate-workbook';
import type { Finding } from '../../engine/validate/finding';
import { translator, stringsFor } from '../strings';

export type BusyAction = 'validate' | 'clear' | 'template' | 'selection' | 'formula' | 'select';

export interface PaneState {
  busy: BusyAction | null;
  result: ValidationResult | null;
  error: string | null;
  notice: string | null;
}

export interface WorkbookActions extends PaneState {
  validate(): Promise<void>;
  clear(): Promise<void>;
  insertTemplate(): Promise<void>;
  selectFinding(f: Finding): Promise<void>;
  /** Runs `work` as `action` with the same busy/error handling; returns its value, or undefined when it failed. */
  run<T>(action: BusyAction, work: () => Promise<T>): Promise<T | undefined>;
  setNotice(text: string | null): void;
  dismissError(): void;
}

export function useWorkbookActions(host: WorkbookHost, rubric: Rubric, locale: Locale): WorkbookActions {
  const [state, setState] = useState<PaneState>({ busy: null, result: null, error: null, notice: null });
  // A second click while busy must not start a second batch on the same workbook.
  const running = useRef(false);
  const t = useMemo(() => translator(stringsFor(locale)), [locale]);

  // A validation run from the ribbon shows here too, with its error if it failed.
  useEffect(
    () =>
      onValidation((event) =>
        setState((s) => (event.kind === 'result' ? { ...s, result: event.result, error: null } : { ...s, error: event.message })),
      ),
    [],
  );

  const run = useCallback(
    async <T,>(action: BusyAction, work: () => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setState((s) => ({ ...s, busy: action, error: null, notice: null }));
      try {
        const value = await work();
        setState((s) => ({ ...s, busy: null }));
        return value;
      } catch (err) {
        const message = err instanceof HostError ? err.message : t('unexpectedError', { message: err instanceof Error ? err.message : String(err) });
        if (!(err instanceof HostError)) console.error(err);
        setState((s) => ({ ...s, busy: null, error: message }));
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [t],
  );

  const validate = useCallback(async () => {
    const result = await run('validate', () => validateWorkbook(host, rubric, { locale }));
    // Said after every marking: how the marks go away again (「清除标记」), and what Ctrl+Z can and cannot do.
    if (result) setState((s) => ({ ...s, result, notice: result.findings.length > 0 ? t('marksUndo') : s.notice }));
  }, [host, rubric, locale, run, t]);

  const clear = useCallback(async () => {
    const count = await run('clear', () => host.clearMarks());
    if (count !== undefined) setState((s) => ({ ...s, result: null, notice: count > 0 ? t('cleared', { count }) : t('nothingToClear') }));
  }, [host, run, t]);

  const insertTemplate = useCallback(async () => {
    // The add-in is loaded here, so the score cells can compute with RUBRIC.SCORE_CLAUSE.
    const name = await run('template', () => host.insertSheet(buildTemplateSpec(rubric, locale, { formulas: true })));
    if (name !== undefined) setState((s) => ({ ...s, notice: t('templateInserted', { name }) }));
  }, [host, rubric, locale, run, t]);

  const selectFinding = useCallback(async (f: Finding) => {
    await run('select', () => host.selectCell(f.sheet, f.cell));
  }, [host, run]);

  return {
    ...state,
    validate,
    clear,
    insertTemplate,
    selectFinding,
    run,
    setNotice: (notice) => setState((s) => ({ ...s, notice })),
    dismissError: () => setState((s) => ({ ...s, error: null })),
  };
}
