/**
 * The task pane. It talks to the workbook only through `host`, so the same App runs in Excel (the
 * Office adapter) and in the browser playground (an in-memory host).
 */
import { Divider } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Locale } from '../engine/messages';
import type { Rubric } from '../engine/rubric-types';
import type { WorkbookHost } from '../host/workbook-host';
import { ComparePanel } from './components/Compare/ComparePanel';
import { FindingList } from './components/FindingList/FindingList';
import { LanguageSwitch } from './components/LanguageSwitch/LanguageSwitch';
import { FunctionsPanel } from './components/FunctionsPanel/FunctionsPanel';
import { StampPanel } from './components/Stamp/StampPanel';
import { StatusArea } from './components/StatusArea/StatusArea';
import { Summary } from './components/Summary/Summary';
import { Toolbar } from './components/Toolbar/Toolbar';
import { useWorkbookActions } from './hooks/useWorkbookActions';
import { LocaleContext, stringsFor } from './strings';
import { useAppStyles } from './useAppStyles';

export interface AppProps {
  host: WorkbookHost;
  rubric: Rubric;
  locale?: Locale;
  /** Given, the pane shows its 中文 / English switch; the page then re-creates the pane in that language. */
  onLocaleChange?(locale: Locale): void;
}

export function App({ host, rubric, locale = 'zh-CN', onLocaleChange }: AppProps) {
  const s = useAppStyles();
  const actions = useWorkbookActions(host, rubric, locale);
  const words = stringsFor(locale);
  const busy = actions.busy !== null;
  const findingCount = actions.result?.findings.length ?? 0;
  const { step } = actions;

  // Alt+↓ / Alt+↑ step through the problems from anywhere in the pane (in the playground, the page).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      e.preventDefault();
      void step(e.key === 'ArrowDown' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [step]);
  return (
    <LocaleContext.Provider value={locale}>
      <main className={s.root} lang={locale} aria-busy={busy}>
        <header>
          {onLocaleChange && <LanguageSwitch locale={locale} onChange={onLocaleChange} disabled={busy} />}
          <h1 className={s.title}>{words.appTitle}</h1>
          <p className={s.subtitle}>{words.appSubtitle}</p>
        </header>
        <Toolbar
          busy={busy}
          notReadyReason={actions.readiness.ready ? undefined : (actions.readiness.reason ?? words.notReadyYet)}
          findingCount={findingCount}
          current={actions.current}
          onValidate={actions.validate}
          onClear={actions.clear}
          onTemplate={actions.insertTemplate}
          onStep={(d) => void actions.step(d)}
        />
        <StatusArea busy={actions.busy} error={actions.error} notice={actions.notice} onDismissError={actions.dismissError} />
        {!actions.result && <p className={s.intro}>{words.intro}</p>}
        {actions.result && (
          <>
            <Summary result={actions.result} />
            <FindingList
              findings={actions.result.findings}
              rubric={rubric}
              disabled={busy}
              current={actions.current}
              onSelect={(f) => void actions.selectFinding(f)}
            />
          </>
        )}
        <StampPanel host={host} rubric={rubric} result={actions.result} disabled={busy} locale={locale} />
        <Divider />
        <FunctionsPanel host={host} rubric={rubric} actions={actions} />
        <Divider />
        <ComparePanel host={host} rubric={rubric} disabled={busy} />
      </main>
    </LocaleContext.Provider>
  );
}
