/**
 * The playground page: a toolbar (open a file, load the example, download), the sheet as a grid and the
 * task pane beside it, as in Excel. The pane is passed in unchanged; it is remounted for each workbook
 * opened so it starts fresh, as it would in a newly opened Excel window.
 */
import { Button, MessageBar, MessageBarBody, ProgressBar, Spinner, Tab, TabList } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent, type ReactNode } from 'react';
import type { Locale } from '../engine/messages';
import { HostError } from '../host/workbook-host';
import { onValidation } from '../host/validation-events';
import { verdictTitle } from '../taskpane/components/Summary/Summary';
import { verdictOf } from '../taskpane/findings/verdict';
import { stringsFor, translator } from '../taskpane/strings';
import type { MemoryHost } from './memory-host';
import { pgText } from './playground-messages';
import { SheetGrid } from './SheetGrid';
import { ReadCancelled, type WorkbookReader } from './workbook-reader';
import { WorkbookReadError } from '../cli/xlsx/read-errors';
import { MAX_COLS, MAX_ROWS } from '../xlsx/read-worksheet';
// Types only: ExcelJS (which xlsx-read and xlsx-write carry) stays out of the page's first bundle; the worker
// reads, and the download loads its writer when it is first clicked.
import type { ReadBook, ReadProgress } from './xlsx-read';

export interface SampleWorkbook {
  file: string;
  bytes: Uint8Array;
}

export interface PlaygroundPageProps {
  host: MemoryHost;
  locale: Locale;
  /** The bundled example; rejects when it cannot be fetched. */
  loadSample: () => Promise<SampleWorkbook>;
  /** Puts a blank self-assessment sheet into the host when the example is unavailable; returns its name. */
  insertBlank: () => Promise<string>;
  /** The task pane. */
  pane: ReactNode;
  /** Reads an opened file off the page's thread (index.tsx: a Web Worker; tests: a fake one). */
  readWorkbook: WorkbookReader;
}

/** A read under way: what the status line, the progress bar and 「取消」 show. */
interface Reading {
  file: string;
  progress?: ReadProgress;
  cancel: () => void;
  /** Started from a button: 「取消」 takes the focus, and gives it back to `returnTo` when the read ends. */
  returnTo?: HTMLElement | null;
}

function stepText(progress: ReadProgress | undefined, locale: Locale): string {
  if (!progress || progress.stage === 'check') return pgText('progress.check', { percent: Math.round((progress?.fraction ?? 0) * 100) }, locale);
  if (progress.stage === 'parse') return pgText('progress.parse', {}, locale);
  return pgText('progress.sheets', { done: progress.done, total: progress.total }, locale);
}

/** The bar's value; undefined (an indeterminate bar) while ExcelJS parses, which reports no progress. */
function barValue(progress: ReadProgress | undefined): number | undefined {
  if (!progress) return 0;
  if (progress.stage === 'check') return progress.fraction;
  if (progress.stage === 'sheets') return progress.total > 0 ? progress.done / progress.total : 1;
  return undefined;
}

type Status = { intent: 'info' | 'success' | 'warning' | 'error'; text: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "江苏路.xlsx" → "江苏路（已标注）.xlsx" */
export function annotatedFileName(file: string, locale: Locale): string {
  const base = file.replace(/\.xlsx$/i, '');
  return `${base}${pgText('annotatedSuffix', {}, locale)}.xlsx`;
}

function describe(err: unknown, locale: Locale): string {
  if (err instanceof WorkbookReadError) return locale === 'en' ? err.en : err.zh;
  return err instanceof Error ? err.message : String(err);
}

export function PlaygroundPage({ host, locale, loadSample, insertBlank, pane, readWorkbook }: PlaygroundPageProps) {
  useSyncExternalStore(host.subscribe, host.getVersion);
  const [source, setSource] = useState<SampleWorkbook | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [busy, setBusy] = useState(true);
  const [generation, setGeneration] = useState(0);
  const [reading, setReading] = useState<Reading | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const sampleButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes back to once a read started from a button has ended and the page is idle. */
  const returnFocus = useRef<HTMLElement | undefined>(undefined);
  const say = (key: Parameters<typeof pgText>[0], params: Record<string, string | number>, intent: Status['intent']) =>
    setStatus({ intent, text: pgText(key, params, locale) });

  // One status: what the pane did replaces the page's own last word, in the pane's own verdict.
  useEffect(() => {
    const t = translator(stringsFor(locale));
    return onValidation((event) => {
      if (event.kind === 'result') {
        const v = verdictOf(event.result);
        const verdict = verdictTitle(v, t);
        setStatus({ intent: v.ready ? 'success' : 'warning', text: pgText(event.result.findings.length > 0 ? 'status.validated' : 'status.validatedClean', { verdict }, locale) });
      } else if (event.kind === 'cleared') setStatus({ intent: 'info', text: pgText('status.cleared', { count: event.count }, locale) });
      else setStatus({ intent: 'error', text: event.message });
    });
  }, [locale]);

  const onEdited = useCallback(
    (cell: string, err?: unknown) => {
      if (err === undefined) setStatus({ intent: 'info', text: pgText('status.edited', { cell }, locale) });
      else setStatus({ intent: 'error', text: pgText('status.editRefused', { cell, detail: err instanceof HostError ? err.message : String(err) }, locale) });
    },
    [locale],
  );

  /**
   * Read the bytes first, in the worker: a file that cannot be read, or whose reading is cancelled, leaves
   * the current workbook as it was. Throws WorkbookReadError or ReadCancelled.
   */
  const open = useCallback(
    async (wb: SampleWorkbook, loadedKey: 'status.loaded' | 'status.sampleLoaded', returnTo?: HTMLElement | null) => {
      const task = readWorkbook(wb.bytes, wb.file, (progress) => setReading((r) => (r ? { ...r, progress } : r)));
      setReading({ file: wb.file, cancel: task.cancel, returnTo });
      let read: ReadBook;
      try {
        read = await task.result;
      } finally {
        setReading(undefined);
        returnFocus.current = returnTo ?? undefined;
      }
      const { book, truncated, valuesOnly } = read;
      host.load(book);
      setSource(wb);
      setGeneration((g) => g + 1);
      if (truncated.length > 0) {
        setStatus({
          intent: 'warning',
          text: pgText('warn.truncated', { sheets: truncated.join('、'), rows: MAX_ROWS, cols: MAX_COLS }, locale),
        });
      } else if (valuesOnly) {
        setStatus({ intent: 'warning', text: pgText('warn.valuesOnly', { file: wb.file }, locale) });
      } else {
        setStatus({ intent: 'success', text: pgText(loadedKey, { file: wb.file, sheets: book.sheets.length }, locale) });
      }
    },
    [host, locale, readWorkbook],
  );

  const openSample = useCallback(async (returnTo?: HTMLElement | null) => {
    setBusy(true);
    host.setLoading(pgText('status.opening', {}, locale));
    try {
      await open(await loadSample(), 'status.sampleLoaded', returnTo);
    } catch (err) {
      if (err instanceof ReadCancelled) {
        say('status.cancelled', { file: err.file }, 'info');
        return;
      }
      const detail = describe(err, locale);
      // Without the example the page is still useful: a blank sheet to try 「生成评分表」 and the functions on.
      if (host.workbook.sheets.every((s) => s.cells.size === 0)) {
        const sheet = await insertBlank();
        setGeneration((g) => g + 1);
        setStatus({ intent: 'warning', text: `${pgText('error.sample', { detail }, locale)} ${pgText('status.templateLoaded', { sheet }, locale)}` });
      } else setStatus({ intent: 'error', text: pgText('error.sample', { detail }, locale) });
    } finally {
      host.setLoading(null);
      setBusy(false);
    }
  }, [open, loadSample, insertBlank, host, locale]);

  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void openSample();
  }, [openSample]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must load it again
    if (!file) return;
    setBusy(true);
    say('status.loading', { file: file.name }, 'info');
    host.setLoading(pgText('status.loading', { file: file.name }, locale));
    try {
      await open({ file: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, 'status.loaded', openButton.current);
    } catch (err) {
      if (err instanceof ReadCancelled) say('status.cancelled', { file: file.name }, 'info');
      else say('error.read', { file: file.name, detail: describe(err, locale) }, 'error');
    } finally {
      host.setLoading(null);
      setBusy(false);
    }
  };

  // 「取消」 takes the focus when a button started the read; Esc cancels from anywhere on the page.
  const cancelRead = reading?.cancel;
  const focusCancel = reading?.returnTo !== undefined && reading.returnTo !== null;
  useEffect(() => {
    if (!cancelRead) return undefined;
    if (focusCancel) cancelButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') cancelRead();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [cancelRead, focusCancel]);

  // 「取消」 has gone with the read; the button that started it is enabled again: the keyboard user carries on there.
  useEffect(() => {
    const target = returnFocus.current;
    if (busy || !target) return;
    returnFocus.current = undefined;
    if (document.activeElement === null || document.activeElement === document.body) target.focus();
  }, [busy]);

  // Offered as annotated only when there is something marked to take home.
  const marked = host.markCount > 0;

  const download = async () => {
    setBusy(true);
    try {
      const file = source?.file ?? 'workbook.xlsx';
      const name = marked ? annotatedFileName(file, locale) : file;
      const { exportXlsx } = await import('./xlsx-write');
      const bytes = await exportXlsx(host.workbook, (s, a) => host.valueAt(s, a), source?.bytes, source?.file, host.allMarks(), locale);
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      say('status.downloaded', { file: name }, 'success');
    } catch (err) {
      say('error.download', { detail: describe(err, locale) }, 'error');
    } finally {
      setBusy(false);
    }
  };

  const visible = host.workbook.sheets.filter((s) => !s.hidden);

  return (
    <div className="playground" data-state={busy ? 'loading' : 'ready'} lang={locale === 'en' ? 'en' : 'zh-CN'}>
      <header className="pg-header">
        <div className="pg-title">
          <h1>{pgText('title', {}, locale)}</h1>
          <p>{pgText('subtitle', {}, locale)}</p>
        </div>
        <div className="pg-toolbar" role="toolbar" aria-label={pgText('title', {}, locale)}>
          <input
            ref={fileInput}
            id="pg-file"
            className="visually-hidden"
            type="file"
            tabIndex={-1}
            aria-label={pgText('open', {}, locale)}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void onFile(e)}
          />
          <Button ref={openButton} appearance="primary" onClick={() => fileInput.current?.click()} disabled={busy}>
            {pgText('open', {}, locale)}
          </Button>
          <Button ref={sampleButton} onClick={() => void openSample(sampleButton.current)} disabled={busy}>
            {pgText('loadSample', {}, locale)}
          </Button>
          <Button onClick={() => void download()} disabled={busy}>
            {pgText(marked ? 'download' : 'downloadPlain', {}, locale)}
          </Button>
          {reading ? (
            <Button ref={cancelButton} onClick={reading.cancel} title={pgText('cancel.hint', {}, locale)}>
              {pgText('cancel', {}, locale)}
            </Button>
          ) : null}
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      </header>
      <div className="pg-status" role="status" aria-live="polite">
        {reading ? (
          <MessageBar intent="info">
            <MessageBarBody>{pgText('status.reading', { file: reading.file, step: stepText(reading.progress, locale) }, locale)}</MessageBarBody>
          </MessageBar>
        ) : status ? (
          <MessageBar intent={status.intent}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {reading ? <ProgressBar className="pg-progress" value={barValue(reading.progress)} aria-label={pgText('progress.label', {}, locale)} /> : null}
      {/* Not landmarks: the pane brings its own <main>, which must not sit inside another landmark. */}
      <div className="pg-main">
        <section className="pg-sheet" aria-label={pgText('sheets', {}, locale)}>
          {visible.length > 1 ? (
            <TabList
              size="small"
              selectedValue={host.workbook.active}
              onTabSelect={(_, d) => host.setActiveSheet(String(d.value))}
              aria-label={pgText('sheets', {}, locale)}
            >
              {visible.map((s) => (
                <Tab key={s.name} value={s.name}>
                  {s.name}
                </Tab>
              ))}
            </TabList>
          ) : null}
          <SheetGrid host={host} locale={locale} onEdited={onEdited} />
        </section>
        <div className="pg-pane" data-testid="pane">
          <div key={generation} className="pg-pane-inner">
            {pane}
          </div>
        </div>
      </div>
    </div>
  );
}
