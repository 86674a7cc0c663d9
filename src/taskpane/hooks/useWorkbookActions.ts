/**
 * Everything the pane does to the workbook, one action at a time: the action runs, the pane shows a
 * spinner and disables its buttons, and any failure becomes a message — never silence. A click that
 * cannot run (the workbook still opening, another action running) says why instead of being lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Locale } from '../../engine/messages';
import type { Rubric } from '../../engine/rubric-types';
import type { ValidationResult } from '../../engine/validate/validate-sheet';
import { buildTemplateSpec } from '../../engine/template/build-template';
import { HostError, type HostReadiness, type ReadinessSource, type WorkbookHost } from '../../host/workbook-host';
import { onValidation, publishValidation } from '../../host/validation-events';
import { validateWorkbook } from '../../office/validate-workbook';
import type { Finding } from '../../engine/validate/finding';
import { firstToShow, step as stepFrom } from '../findings/navigation';
import { translator, stringsFor } from '../strings';

export type BusyAction = 'validate' | 'clear' | 'template' | 'selection' | 'formula' | 'select';

export interface PaneState {
  busy: BusyAction | null;
  result: ValidationResult | null;
  /** Index into result.findings of the finding the person is at; null before any is chosen. */
  current: number | null;
  error: string | null;
  notice: string | null;
}

export interface WorkbookActions extends PaneState {
  /** Whether the workbook can be acted on now; `reason` says why not. */
  readiness: HostReadiness;
  validate(): Promise<void>;
  clear(): Promise<void>;
  insertTemplate(): Promise<void>;
  selectFinding(f: Finding): Promise<void>;
  /** Select the previous (-1) or next (+1) finding in sheet order. */
  step(delta: 1 | -1): Promise<void>;
  /** Runs `work` as `action` with the same busy/error handling; returns its value, or undefined when it failed. */
  run<T>(action: BusyAction, work: () => Promise<T>): Promise<T | undefined>;
  setNotice(text: string | null): void;
  dismissError(): void;
}

const ALWAYS_READY: ReadinessSource = { get: () => READY, subscribe: () => () => undefined };
const READY: HostReadiness = { ready: true };

export function useWorkbookActions(host: WorkbookHost, rubric: Rubric, locale: Locale): WorkbookActions {
  const [state, setState] = useState<PaneState>({ busy: null, result: null, current: null, error: null, notice: null });
  // A second click while busy must not start a second batch on the same workbook.
  const running = useRef(false);
  const t = useMemo(() => translator(stringsFor(locale)), [locale]);
  const source = host.readiness ?? ALWAYS_READY;
  const readiness = useSyncExternalStore(source.subscribe, source.get);
  const readinessRef = useRef(readiness);
  readinessRef.current = readiness;

  // A validation run from the ribbon (or this pane) shows here too, with its error if it failed.
  useEffect(
    () =>
      onValidation((event) =>
        setState((s) => {
          if (event.kind === 'cleared') return { ...s, result: null, current: null };
          if (event.kind === 'error') return { ...s, error: event.message };
          if (s.result === event.result) return s;
          return { ...s, result: event.result, current: firstToShow(event.result.findings), error: null };
        }),
      ),
    [],
  );

  const run = useCallback(
    async <T,>(action: BusyAction, work: () => Promise<T>): Promise<T | undefined> => {
      const ready = readinessRef.current;
      if (!ready.ready) {
        setState((s) => ({ ...s, notice: ready.reason ?? t('notReadyYet') }));
        return undefined;
      }
      if (running.current) {
        setState((s) => ({ ...s, notice: t('stillBusy') }));
        return undefined;
      }
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
    const outcome = await run('validate', async () => {
      const result = await validateWorkbook(host, rubric, { locale });
      const first = firstToShow(result.findings);
      // The person lands on the first error, in Excel through Range.select().
      if (first !== null) await host.selectCell(result.findings[first].sheet, result.findings[first].cell);
      return { result, first };
    });
    if (!outcome) return;
    // Said after every marking: how the marks go away again (「清除标记」), and what Ctrl+Z can and cannot do.
    const marked = outcome.result.findings.length > 0;
    // What an older Excel could not do (hidden rows unknown, messages on a 问题清单 sheet), said once.
    const said = [...(host.takeNotices?.() ?? []), ...(marked ? [t('marksUndo')] : [])];
    setState((s) => ({ ...s, result: outcome.result, current: outcome.first, notice: said.length > 0 ? said.join(' ') : s.notice }));
    publishValidation({ kind: 'result', result: outcome.result });
  }, [host, rubric, locale, run, t]);

  const clear = useCallback(async () => {
    const count = await run('clear', () => host.clearMarks());
    if (count === undefined) return;
    setState((s) => ({ ...s, result: null, current: null, notice: count > 0 ? t('cleared', { count }) : t('nothingToClear') }));
    publishValidation({ kind: 'cleared', count });
  }, [host, run, t]);

  const insertTemplate = useCallback(async () => {
    // The add-in is loaded here, so the score cells can compute with RUBRIC.SCORE_CLAUSE.
    const name = await run('template', () => host.insertSheet(buildTemplateSpec(rubric, locale, { formulas: true })));
    if (name !== undefined) setState((s) => ({ ...s, notice: t('templateInserted', { name }) }));
  }, [host, rubric, locale, run, t]);

  const goTo = useCallback(
    async (index: number) => {
      const f = state.result?.findings[index];
      if (!f) return;
      const done = await run('select', async () => {
        await host.selectCell(f.sheet, f.cell);
        return true;
      });
      if (done) setState((s) => ({ ...s, current: index }));
    },
    [host, run, state.result],
  );

  const selectFinding = useCallback(
    async (f: Finding) => {
      const index = state.result?.findings.indexOf(f) ?? -1;
      if (index >= 0) await goTo(index);
      else await run('select', () => host.selectCell(f.sheet, f.cell));
    },
    [goTo, host, run, state.result],
  );

  const step = useCallback(
    async (delta: 1 | -1) => {
      const next = stepFrom(state.current, delta, state.result?.findings.length ?? 0);
      if (next === null) {
        setState((s) => ({ ...s, notice: t(s.result && s.result.findings.length > 0 ? (delta > 0 ? 'atLastFinding' : 'atFirstFinding') : 'noFindingsToStep') }));
        return;
      }
      await goTo(next);
    },
    [goTo, state, t],
  );

  return {
    ...state,
    readiness,
    validate,
    clear,
    insertTemplate,
    selectFinding,
    step,
    run,
    setNotice: (notice) => setState((s) => ({ ...s, notice })),
    dismissError: () => setState((s) => ({ ...s, error: null })),
  };
}
