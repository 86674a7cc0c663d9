/** @jest-environment jsdom */
/** 「写入校验印记」 in the pane: only after a check with no error, re-validated at the click, status shown. */
import '@testing-library/jest-dom';
import { createHash } from 'crypto';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Sha256Hex } from '../../src/engine/stamp/stamp';
import { STAMP_PROPERTIES } from '../../src/engine/stamp/stamp';
import { resetValidationEvents } from '../../src/host/validation-events';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { App } from '../../src/taskpane/App';
import { StampPanel } from '../../src/taskpane/components/Stamp/StampPanel';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';
import { FakeWorkbookHost } from '../support/fake-host';

// Rendering Fluent UI and validating a whole sheet twice takes seconds on a loaded machine.
jest.setTimeout(60_000);
beforeEach(() => resetValidationEvents());

const rubric = loadBundled();
const sha256: Sha256Hex = async (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The fake host with the workbook's custom properties. */
class StampingHost extends FakeWorkbookHost {
  props = new Map<string, string>();
  async readCustomProperties() {
    return Object.fromEntries(this.props);
  }
  async writeCustomProperties(values: readonly [string, string][]) {
    for (const [k, v] of values) this.props.set(k, v);
  }
}

const renderPanel = (host: StampingHost, result = validateSheet(host.sheet, rubric)) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <StampPanel host={host} rubric={rubric} result={result} disabled={false} locale="zh-CN" sha256={sha256} now={() => new Date('2026-12-01T10:00:00Z')} />
    </FluentProvider>,
  );

test('a clean sheet: the stamp is written, then reads as valid', async () => {
  const host = new StampingHost(buildSheet(rubric).sheet('自评表'));
  renderPanel(host);
  await waitFor(() => expect(screen.getByTestId('stamp-status')).toHaveTextContent('当前印记：无'));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '写入校验印记' }));
  });
  expect(screen.getByTestId('stamp-message')).toHaveTextContent('已写入校验印记：总分 95，等第 优秀。');
  expect(host.props.get(STAMP_PROPERTIES.time)).toBe('2026-12-01T10:00:00.000Z');
  expect(host.props.get(STAMP_PROPERTIES.rubricId)).toBe('changning-2023');
  expect(host.props.get(STAMP_PROPERTIES.digest)).toMatch(/^[0-9a-f]{64}$/);
  expect(screen.getByTestId('stamp-status')).toHaveTextContent('有效');
});

test('a sheet edited after the check is validated again at the click and not stamped', async () => {
  const plan = buildSheet(rubric);
  const host = new StampingHost(plan.sheet('自评表'));
  const clean = validateSheet(host.sheet, rubric);
  plan.set('2.1.1', 'score', 0.5);
  host.sheet = plan.sheet('自评表');
  renderPanel(host, clean);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '写入校验印记' }));
  });
  expect(screen.getByTestId('stamp-message')).toHaveTextContent('表中还有 1 个错误');
  expect(host.props.size).toBe(0);
});

test('with errors the pane offers no stamp; a host without custom properties shows no panel', async () => {
  const plan = buildSheet(rubric);
  plan.set('2.1.1', 'score', 0.5);
  const host = new StampingHost(plan.sheet('自评表'));
  const { unmount } = renderPanel(host);
  expect(screen.queryByRole('button', { name: '写入校验印记' })).toBeNull();
  unmount();
  const plain = new FakeWorkbookHost(buildSheet(rubric).sheet('自评表'));
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={plain} rubric={rubric} />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /一键校验/ }));
  });
  expect(screen.queryByTestId('stamp-panel')).toBeNull();
});

test('the App shows the panel after a clean check on a host that keeps custom properties', async () => {
  const host = new StampingHost(buildSheet(rubric).sheet('自评表'));
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} rubric={rubric} />
    </FluentProvider>,
  );
  expect(screen.queryByTestId('stamp-panel')).toBeNull();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /一键校验/ }));
  });
  expect(screen.getByRole('button', { name: '写入校验印记' })).toBeInTheDocument();
});
