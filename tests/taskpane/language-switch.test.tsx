/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { useLanguage } from '../../src/taskpane/hooks/useLanguage';
import { LANGUAGE_KEY, loadLanguage, localStorageStore, saveLanguage, type PreferenceStore } from '../../src/taskpane/language-preference';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';
import { FakeWorkbookHost } from '../support/fake-host';

const rubric = loadBundled();

const memoryStore = (): PreferenceStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
};

/** The page as index.tsx builds it: the language from the store, the pane re-created in the chosen one. */
function Page({ store, host }: { store: PreferenceStore; host: FakeWorkbookHost }) {
  const [locale, setLocale] = useLanguage(store, 'zh-CN');
  return <App key={locale} host={host} rubric={rubric} locale={locale} onLocaleChange={setLocale} />;
}

const renderPage = (store: PreferenceStore) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Page store={store} host={new FakeWorkbookHost(buildSheet(rubric).sheet('自评表'))} />
    </FluentProvider>,
  );

describe('the 中文 / English switch', () => {
  test('is visible, names each language in itself, and marks the current one', () => {
    renderPage(memoryStore());
    const group = screen.getByRole('group', { name: '界面语言 / Language' });
    expect(group).toBeVisible();
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: '一键校验' })).toBeInTheDocument();
  });

  test('switches the pane to English, is remembered, and the next opening starts in English', async () => {
    const store = memoryStore();
    const first = renderPage(store);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
    });
    expect(screen.getByRole('button', { name: 'Check sheet' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '一键校验' })).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(store.data.get(LANGUAGE_KEY)).toBe('en');
    first.unmount();
    renderPage(store);
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Check sheet' })).toBeInTheDocument();
  });

  test('without onLocaleChange (a host that cannot switch) there is no switch', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={new FakeWorkbookHost(buildSheet(rubric).sheet('s'))} rubric={rubric} />
      </FluentProvider>,
    );
    expect(screen.queryByRole('group', { name: '界面语言 / Language' })).not.toBeInTheDocument();
  });
});

describe('the remembered language', () => {
  test('only zh-CN or en is taken from a store; a failing store just forgets', () => {
    const store = memoryStore();
    expect(loadLanguage(store)).toBeUndefined();
    store.data.set(LANGUAGE_KEY, 'fr');
    expect(loadLanguage(store)).toBeUndefined();
    saveLanguage(store, 'en');
    expect(loadLanguage(store)).toBe('en');
    const broken: PreferenceStore = {
      get: () => {
        throw new Error('denied');
      },
      set: () => {
        throw new Error('denied');
      },
    };
    expect(loadLanguage(broken)).toBeUndefined();
    expect(() => saveLanguage(broken, 'en')).not.toThrow();
  });

  test('localStorage keeps it in the browser (the playground)', () => {
    const store = localStorageStore()!;
    saveLanguage(store, 'en');
    expect(window.localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(loadLanguage(localStorageStore())).toBe('en');
  });
});
