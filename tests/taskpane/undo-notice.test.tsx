/** @jest-environment jsdom */
/**
 * Issue 13 point 8: after marking, the pane says plainly how the marks go away again — 「清除标记」, which
 * always works, and what Ctrl+Z does (undoable in current Excel, not always in older builds).
 */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale } from '../../src/engine/messages';
import { resetValidationEvents } from '../../src/host/validation-events';
import { App } from '../../src/taskpane/App';
import { en } from '../../src/taskpane/strings/en';
import { zhCN } from '../../src/taskpane/strings/zh-CN';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';
import { FakeWorkbookHost } from '../support/fake-host';

const rubric = loadBundled();

function host(dirty: boolean) {
  const plan = buildSheet(rubric);
  const clause = rubric.categories[0].items[0].clauses[0];
  if (dirty) plan.set(clause.id, 'score', clause.max + 1);
  return new FakeWorkbookHost(plan.sheet('自评表'));
}

function renderApp(h: FakeWorkbookHost, locale: Locale = 'zh-CN') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={h} rubric={rubric} locale={locale} />
    </FluentProvider>,
  );
}

const click = (name: string) =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });

beforeEach(() => resetValidationEvents());

test('after marking, the pane says that 「清除标记」 removes the marks and what Ctrl+Z does', async () => {
  const h = host(true);
  renderApp(h);
  await click('一键校验');
  expect(h.marks.get('自评表')?.length).toBeGreaterThan(0);
  const notice = screen.getByText(zhCN.marksUndo);
  expect(notice).toHaveTextContent('「清除标记」');
  expect(notice).toHaveTextContent('Ctrl+Z');
  // Clearing replaces it with what was restored: the advice is not left standing once it no longer applies.
  await click('清除标记');
  expect(screen.queryByText(zhCN.marksUndo)).not.toBeInTheDocument();
  expect(screen.getByText(/已清除 \d+ 个单元格的标记/)).toBeInTheDocument();
});

test('nothing marked, nothing to undo: no such notice', async () => {
  const h = host(false);
  renderApp(h);
  await click('一键校验');
  expect([...h.marks.values()].flat()).toHaveLength(0);
  expect(screen.queryByText(zhCN.marksUndo)).not.toBeInTheDocument();
});

test('in English too', async () => {
  renderApp(host(true), 'en');
  await click(en.validate);
  expect(screen.getByText(en.marksUndo)).toHaveTextContent('Clear marks');
});
