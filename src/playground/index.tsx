/**
 * playground.html: the task pane, unchanged, on an in-memory workbook in any browser. No Office.js and
 * nothing from outside this origin; the example workbook is fetched from beside the page.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { Locale } from '../engine/messages';
import { buildTemplateSpec } from '../engine/template/build-template';
import { bundledRubric } from '../host/bundled-rubric';
import { App } from '../taskpane/App';
import { MemoryHost } from './memory-host';
import { PlaygroundPage, type SampleWorkbook } from './PlaygroundPage';
import { pgText } from './playground-messages';
import { SAMPLE_URL } from './sample-url';
import { emptyBook } from './workbook-model';

/** The name the example goes by in the page (its URL is the build's; see sample-url.js). */
const SAMPLE_FILE = '江苏路街道-2023-自评表.xlsx';

const locale: Locale = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
const rubric = bundledRubric();
// Not ready until the example is open: a click on 一键校验 before then would check an empty sheet.
const host = new MemoryHost(emptyBook(), { locale, rubric, loading: pgText('status.opening', {}, locale) });

async function loadSample(): Promise<SampleWorkbook> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { file: SAMPLE_FILE, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const insertBlank = () => host.insertSheet(buildTemplateSpec(rubric, locale));

document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
createRoot(document.getElementById('root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
    <PlaygroundPage host={host} locale={locale} loadSample={loadSample} insertBlank={insertBlank} pane={<App host={host} rubric={rubric} locale={locale} />} />
  </FluentProvider>,
);
