/** @jest-environment jsdom */
/** 「汇总比较」 in the playground: the pane's comparison on two chosen workbooks, and 插入汇总表 into the in-memory workbook the grid shows. */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { MemoryHost } from '../../src/playground/memory-host';
import { PlaygroundPage } from '../../src/playground/PlaygroundPage';
import { inProcessReader } from '../support/fake-read-worker';
import { emptyBook } from '../../src/playground/workbook-model';
import { App } from '../../src/taskpane/App';
import { districtPlan, workbookBytes } from '../cli/district-workbooks';
import { loadBundled } from '../rubric/bundled';

jest.setTimeout(90_000);
const rubric = loadBundled();

const chosen = async (name: string, town: string, lower: boolean) => {
  const bytes = await workbookBytes([{ name: '自评表', plan: districtPlan(rubric, { name: town, edit: lower ? (p) => p.set('2.3.1', 'score', 0) : undefined }) }]);
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
};

const cell = (address: string) => document.querySelector(`td[data-cell="${address}"]`) as HTMLElement;

test('two chosen workbooks are ranked in the pane, and 插入汇总表 adds 汇总 and 条款对比 to the grid', async () => {
  const host = new MemoryHost(emptyBook(), { rubric });
  render(
    <FluentProvider theme={webLightTheme}>
      <PlaygroundPage
        host={host}
        locale="zh-CN"
        loadSample={async () => {
          throw new Error('no example in this test');
        }}
        insertBlank={() => host.insertSheet(buildTemplateSpec(rubric))}
        readWorkbook={inProcessReader()}
        pane={<App host={host} rubric={rubric} />}
      />
    </FluentProvider>,
  );
  // The page puts in a blank sheet when there is no example, remounting the pane: choose after that.
  await waitFor(() => expect(host.workbook.active).toBe('自评表'));
  const input = screen.getByTestId('compare-input');
  Object.defineProperty(input, 'files', { value: [await chosen('甲.xlsx', '周家桥街道', true), await chosen('乙.xlsx', '江苏路街道', false)], configurable: true });
  fireEvent.change(input);

  const table = await screen.findByTestId('compare-ranking', {}, { timeout: 60_000 });
  const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
  expect(rows.map((r) => [r[0], r[1]])).toEqual([
    ['1', '江苏路街道'],
    ['2', '周家桥街道'],
  ]);

  fireEvent.click(screen.getByRole('button', { name: '插入汇总表' }));
  await waitFor(() => expect(screen.getByTestId('compare-message')).toHaveTextContent('已插入工作表：汇总、条款对比'));
  expect(host.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['汇总', '条款对比']));
  await waitFor(() => expect(cell('B3')).toHaveTextContent('江苏路街道'));
  expect(cell('B4')).toHaveTextContent('周家桥街道');
  expect(cell('B2')).toHaveTextContent('街镇');
});
