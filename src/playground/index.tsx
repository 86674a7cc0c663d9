/**
 * playground.html: the task pane, unchanged, on an in-memory workbook in any browser. No Office.js and
 * nothing from outside this origin; the example workbook is fetched from beside the page.
 */
// First: it starts the read worker (see page-reader.ts).
import { readWorkbook } from './page-reader';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { buildTemplateSpec } from '../engine/template/build-template';
import { bundledRubric } from '../host/bundled-rubric';
import { App } from '../taskpane/App';
import { useLanguage } from '../taskpane/hooks/useLanguage';
import { loadLanguage, localStorageStore } from '../taskpane/language-preference';
import { MemoryHost } from './memory-host';
import { PlaygroundPage, type SampleWorkbook } from './PlaygroundPage';
import { pgText } from './playground-messages';
import { SAMPLE_URL } from './sample-url';
import { emptyBook } from './workbook-model';

/** The name the example goes by in the page (its URL is the build's; see sample-url.js). */
const SAMPLE_FILE = '江苏路街道-2023-自评表.xlsx';

const store = localStorageStore();
const rubric = bundledRubric();
const initialLocale = loadLanguage(store) ?? 'zh-CN';
// Not ready until the example is open: a click on 一键校验 before then would check an empty sheet.
const host = new MemoryHost(emptyBook(), { locale: initialLocale, rubric, loading: pgText('status.opening', {}, initialLocale) });

async function loadSample(): Promise<SampleWorkbook> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { file: SAMPLE_FILE, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The page and its pane in the language chosen on the pane's switch (remembered in localStorage). */
function Playground() {
  const [locale, setLocale] = useLanguage(store, 'zh-CN');
  useEffect(() => host.setLocale(locale), [locale]);
  const insertBlank = useCallback(() => host.insertSheet(buildTemplateSpec(rubric, locale)), [locale]);
  return (
    <PlaygroundPage
      host={host}
      locale={locale}
      loadSample={loadSample}
      insertBlank={insertBlank}
      readWorkbook={readWorkbook}
      pane={<App key={locale} host={host} rubric={rubric} locale={locale} onLocaleChange={setLocale} />}
    />
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
    <Playground />
  </FluentProvider>,
);
