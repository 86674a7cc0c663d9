/** @jest-environment jsdom */
/** 「汇总比较」 in the pane: chosen workbooks read in the browser, checked and ranked; an unreadable one listed. */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ComparePanel } from '../../src/taskpane/components/Compare/ComparePanel';
import type { ChosenFile } from '../../src/taskpane/components/Compare/compare-types';
import { districtPlan, workbookBytes } from '../cli/district-workbooks';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';
import { FakeWorkbookHost } from '../support/fake-host';

jest.setTimeout(60_000);
const rubric = loadBundled();

const chosen = (name: string, bytes: Uint8Array): ChosenFile => ({ name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });

async function choose(files: ChosenFile[]) {
  const input = screen.getByTestId('compare-input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const host = () => new FakeWorkbookHost(buildSheet(rubric).sheet('自评表'));

it('ranks the chosen 街镇 by final total and lists an unreadable file with its error', async () => {
  const full = await workbookBytes([{ name: '自评表', plan: districtPlan(rubric, { name: '江苏路街道' }) }]);
  const less = await workbookBytes([{ name: '自评表', plan: districtPlan(rubric, { name: '周家桥街道', edit: (p) => p.set('2.3.1', 'score', 0) }) }]);
  render(
    <FluentProvider theme={webLightTheme}>
      <ComparePanel host={host()} rubric={rubric} disabled={false} />
    </FluentProvider>,
  );
  await choose([chosen('b.xlsx', less), chosen('a.xlsx', full), chosen('坏.xlsx', new TextEncoder().encode('not a workbook'))]);

  const table = await screen.findByTestId('compare-ranking', {}, { timeout: 30_000 });
  const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
  expect(rows.map((r) => [r[0], r[1]])).toEqual([
    ['1', '江苏路街道'],
    ['2', '周家桥街道'],
  ]);
  expect(Number(rows[0][2])).toBeGreaterThan(Number(rows[1][2]));
  expect(screen.getByRole('alert')).toHaveTextContent('无法读取 坏.xlsx');
  // The fake host cannot insert sheets, so the button is not offered.
  expect(screen.queryByRole('button', { name: '插入汇总表' })).toBeNull();
});

it('asks the host to insert 汇总 and 条款对比 with the ranking chart', async () => {
  const h = host() as FakeWorkbookHost & { insertComparison?: (s: unknown) => Promise<string[]> };
  const calls: { sheets: { name: string; rows: unknown[][] }[]; chart: { title: string } }[] = [];
  h.insertComparison = async (spec) => {
    calls.push(spec as (typeof calls)[number]);
    return ['汇总', '条款对比'];
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <ComparePanel host={h} rubric={rubric} disabled={false} />
    </FluentProvider>,
  );
  const one = await workbookBytes([{ name: '自评表', plan: districtPlan(rubric, { name: '江苏路街道' }) }]);
  await choose([chosen('a.xlsx', one)]);
  fireEvent.click(await screen.findByRole('button', { name: '插入汇总表' }, { timeout: 30_000 }));
  await waitFor(() => expect(screen.getByTestId('compare-message')).toHaveTextContent('已插入工作表：汇总、条款对比'));
  expect(calls).toHaveLength(1);
  expect(calls[0].sheets.map((s) => s.name)).toEqual(['汇总', '条款对比']);
  expect(calls[0].sheets[0].rows).toHaveLength(1);
  expect(calls[0].chart.title).toBe('总分排名');
});
