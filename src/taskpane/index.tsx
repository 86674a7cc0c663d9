/**
 * The task pane page: mounts the App with the Excel host once Office is ready. The language follows
 * Office's display language (English for any English, Chinese otherwise).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { bundledRubric } from '../host/bundled-rubric';
import { OfficeWorkbookHost } from '../office/office-host';
import { App } from './App';
import { localeFromDisplayLanguage } from './strings';

function mount(): void {
  const container = document.getElementById('root');
  if (!container) return;
  const locale = localeFromDisplayLanguage(Office.context?.displayLanguage);
  document.documentElement.lang = locale;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={new OfficeWorkbookHost({ locale })} rubric={bundledRubric()} locale={locale} />
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
