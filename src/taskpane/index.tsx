/**
 * The task pane page: mounts the App with the Excel host once Office is ready. The language is the
 * person's choice on the pane's 中文 / English switch (kept in Office's roaming settings), else Office's
 * display language (English for any English, Chinese otherwise).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { bundledRubric } from '../host/bundled-rubric';
import { OfficeWorkbookHost } from '../office/office-host';
import { roamingStore } from '../office/roaming-preferences';
import { useLanguage } from './hooks/useLanguage';
import { App } from './App';
import { localeFromDisplayLanguage } from './strings';

const store = roamingStore();
const rubric = bundledRubric();

function Pane() {
  const [locale, setLocale] = useLanguage(store, localeFromDisplayLanguage(Office.context?.displayLanguage));
  // The host words its messages in the pane's language; the App is re-created with it (key) so no
  // result worded in the other language stays on screen.
  const host = useMemo(() => new OfficeWorkbookHost({ locale }), [locale]);
  return <App key={locale} host={host} rubric={rubric} locale={locale} onLocaleChange={setLocale} />;
}

function mount(): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Pane />
    </FluentProvider>,
  );
}

/** Opened outside Excel (office.js absent, or a plain browser tab): say so instead of failing later. */
function outsideExcel(): void {
  const container = document.getElementById('root');
  if (container) container.textContent = '请在 Excel 中打开评分助手。Open Rubric Check from Excel.';
}

if (typeof Office === 'undefined') outsideExcel();
else Office.onReady((info) => (info.host === Office.HostType.Excel ? mount() : outsideExcel()));
