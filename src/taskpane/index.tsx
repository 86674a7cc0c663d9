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

/**
 * Opened outside Excel (office.js absent, or a plain browser tab): a page that says what this is, how
 * to open it in Excel, and links to the playground, which runs the same pane in any browser.
 */
export function outsideExcel(container = document.getElementById('root')): void {
  if (!container) return;
  const box = document.createElement('section');
  box.className = 'outside';
  const h1 = document.createElement('h1');
  h1.textContent = '评分助手 Rubric Check';
  const zh = document.createElement('p');
  zh.textContent =
    '这是评分助手的 Excel 加载项页面，需在 Excel 中打开：「开始」→「评分助手」→「打开评分助手」。不用 Excel 也可以在浏览器中试用同一个任务窗格：';
  const en = document.createElement('p');
  en.textContent = 'This is the Rubric Check add-in page, meant to run inside Excel (Home → Rubric Check). To try the same pane in any browser, open the playground:';
  const link = document.createElement('a');
  link.href = 'playground.html';
  link.textContent = '打开演示页 Open the playground (playground.html)';
  box.append(h1, zh, en, link);
  container.replaceChildren(box);
}

/** Set by taskpane.html's ES5 check when the webview is Trident or EdgeHTML, which it has told the person cannot run the pane. */
const oldWebview = (window as { RubricCheckOldWebview?: string }).RubricCheckOldWebview;

if (!oldWebview) {
  if (typeof Office === 'undefined') outsideExcel();
  else Office.onReady((info) => (info.host === Office.HostType.Excel ? mount() : outsideExcel()));
}
