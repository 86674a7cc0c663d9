/** @jest-environment jsdom */
/**
 * The playground as a place to fix and re-check: cells edit as in Excel, formulas recompute, a marked
 * cell typed into keeps its new value through 清除标记, the download says whether it is annotated, the
 * page's banner follows what the pane did, and the scroll that brings a cell clear of the headers.
 */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { validateSheet } from '../../src/engine/validate/validate-sheet';
import { publishValidation, resetValidationEvents } from '../../src/host/validation-events';
import { MemoryHost, parseCellInput } from '../../src/playground/memory-host';
import { PlaygroundPage } from '../../src/playground/PlaygroundPage';
import { inProcessReader } from '../support/fake-read-worker';
import { revealScroll } from '../../src/playground/reveal-cell';
import { SheetGrid } from '../../src/playground/SheetGrid';
import { emptySheet, type Book } from '../../src/playground/workbook-model';
import { buildSheet } from '../engine/validate/rubric-sheet';
import { loadBundled } from '../rubric/bundled';

jest.setTimeout(30_000);

function book(): Book {
  const s = emptySheet('自评表');
  s.cells.set('B2', { value: 1.5 });
  s.cells.set('B3', { value: 2 });
  s.cells.set('B4', { value: null, formula: 'SUM(B2:B3)' });
  return { sheets: [s], active: '自评表' };
}

const cell = (address: string) => document.querySelector(`td[data-cell="${address}"]`) as HTMLElement;
const editor = () => document.querySelector('input.cell-editor') as HTMLInputElement | null;

beforeEach(() => resetValidationEvents());

describe('editing a cell in the grid', () => {
  test('typing replaces the content, Enter commits and moves down, and formulas recompute', async () => {
    const host = new MemoryHost(book());
    const edited: string[] = [];
    render(<SheetGrid host={host} locale="zh-CN" onEdited={(a) => edited.push(a)} />);
    expect(cell('B4')).toHaveTextContent('3.5');
    await act(() => host.selectCell('自评表', 'B2'));
    fireEvent.keyDown(cell('B2'), { key: '4' });
    expect(editor()).toHaveValue('4');
    fireEvent.change(editor()!, { target: { value: '4.5' } });
    fireEvent.keyDown(editor()!, { key: 'Enter' });
    await waitFor(() => expect(editor()).toBeNull());
    expect(cell('B2')).toHaveTextContent('4.5');
    expect(cell('B4')).toHaveTextContent('6.5');
    expect(host.selected.address).toBe('B3');
    expect(edited).toEqual(['B2']);
  });

  test('F2 and double-click start from the current content (a formula with its =); Esc cancels; Tab commits and moves right', async () => {
    const host = new MemoryHost(book());
    render(<SheetGrid host={host} locale="zh-CN" />);
    await act(() => host.selectCell('自评表', 'B4'));
    fireEvent.keyDown(cell('B4'), { key: 'F2' });
    expect(editor()).toHaveValue('=SUM(B2:B3)');
    fireEvent.change(editor()!, { target: { value: '=B2*2' } });
    fireEvent.keyDown(editor()!, { key: 'Escape' });
    await waitFor(() => expect(editor()).toBeNull());
    expect(cell('B4')).toHaveTextContent('3.5');

    fireEvent.doubleClick(cell('B3'));
    expect(editor()).toHaveValue('2');
    fireEvent.change(editor()!, { target: { value: '=B2*2' } });
    fireEvent.keyDown(editor()!, { key: 'Tab' });
    await waitFor(() => expect(editor()).toBeNull());
    expect(cell('B3')).toHaveTextContent('3');
    expect(cell('B4')).toHaveTextContent('4.5');
    expect(host.selected.address).toBe('C3');
  });

  test('a formula that cannot be parsed is refused and the cell stays as it was', async () => {
    const host = new MemoryHost(book());
    const refused: unknown[] = [];
    render(<SheetGrid host={host} locale="zh-CN" onEdited={(_, err) => refused.push(err)} />);
    fireEvent.doubleClick(cell('B2'));
    fireEvent.change(editor()!, { target: { value: '=SUM(B2' } });
    fireEvent.keyDown(editor()!, { key: 'Enter' });
    await waitFor(() => expect(editor()).toBeNull());
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as Error).message)).toContain('无法解析');
    expect(cell('B2')).toHaveTextContent('1.5');
  });

  test('typed input is read as Excel reads it', () => {
    expect(parseCellInput('1.5')).toEqual({ value: 1.5 });
    expect(parseCellInput(' 15% ')).toEqual({ value: 0.15, numberFormat: '0%' });
    expect(parseCellInput('=SUM(A1:A2)')).toEqual({ value: null, formula: 'SUM(A1:A2)' });
    expect(parseCellInput('')).toEqual({ value: null });
    expect(parseCellInput('true')).toEqual({ value: true });
    expect(parseCellInput('2分')).toEqual({ value: '2分' });
  });

  test('a marked empty cell typed into keeps the typed value when the marks are cleared', async () => {
    const host = new MemoryHost(book());
    await host.writeMarks('自评表', [{ cell: 'C2', severity: 'error', note: '扣分说明为空' }]);
    host.editCell('自评表', 'C2', '未按流程审核 1 例');
    expect(host.markAt('自评表', 'C2')).toBeDefined();
    await host.clearMarks();
    expect(host.workbook.sheets[0].cells.get('C2')).toEqual({ value: '未按流程审核 1 例' });
  });
});

describe('the page around the grid', () => {
  async function exampleBytes(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('自评表').getCell('A1').value = '示例内容';
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test('download is 「下载工作簿」 until marks exist, then 「下载已标注的工作簿」; the banner follows the pane and edits', async () => {
    const rubric = loadBundled();
    const host = new MemoryHost(book(), { loading: '正在打开工作簿，请稍候…' });
    expect(host.readiness.get()).toEqual({ ready: false, reason: '正在打开工作簿，请稍候…' });
    const bytes = await exampleBytes();
    render(
      <FluentProvider theme={webLightTheme}>
        <PlaygroundPage host={host} locale="zh-CN" loadSample={async () => ({ file: '示例.xlsx', bytes })} insertBlank={() => host.insertSheet(buildTemplateSpec(rubric))} readWorkbook={inProcessReader()} pane={<p>任务窗格</p>} />
      </FluentProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已加载示例'));
    expect(host.readiness.get()).toEqual({ ready: true });
    expect(screen.getByRole('button', { name: '下载工作簿' })).toBeInTheDocument();
    await act(() => host.writeMarks('自评表', [{ cell: 'A1', severity: 'error', note: '示例' }]));
    expect(screen.getByRole('button', { name: '下载已标注的工作簿' })).toBeInTheDocument();

    const plan = buildSheet(rubric);
    const target = rubric.categories[0].items[0].clauses[0];
    plan.set(target.id, 'score', target.max + 1);
    await act(async () => publishValidation({ kind: 'result', result: validateSheet(plan.sheet('自评表'), rubric) }));
    expect(screen.getByRole('status')).toHaveTextContent('暂不能提交：1 处错误');
    expect(screen.getByRole('status')).not.toHaveTextContent('一键校验」试试');

    fireEvent.doubleClick(cell('A2'));
    fireEvent.change(editor()!, { target: { value: '2' } });
    fireEvent.keyDown(editor()!, { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已修改 A2。改完后请再点「一键校验」'));

    await act(async () => publishValidation({ kind: 'cleared', count: 1 }));
    expect(screen.getByRole('status')).toHaveTextContent('已清除 1 个单元格的标记');
  });
});

describe('revealScroll', () => {
  const view = { top: 0, left: 0, width: 800, height: 400 };
  const reserved = { top: 24, left: 44 };

  test('a cell under the sticky header scrolls down just enough to clear it', () => {
    const r = revealScroll({ ...view, top: 500 }, reserved, { top: 510, left: 100, width: 60, height: 20 });
    expect(r.top).toBe(510 - 24 - 8);
    expect(r.left).toBe(0);
  });

  test('a cell half off the bottom, with its note below it, comes fully into view', () => {
    const target = { top: 380, left: 100, width: 60, height: 20 + 80 };
    const r = revealScroll(view, reserved, target);
    expect(r.top + view.height).toBeGreaterThanOrEqual(target.top + target.height);
    expect(target.top).toBeGreaterThanOrEqual(r.top + reserved.top);
  });

  test('a cell already clear of headers and edges does not move the grid', () => {
    expect(revealScroll({ ...view, top: 100, left: 20 }, reserved, { top: 200, left: 300, width: 60, height: 20 })).toEqual({ top: 100, left: 20 });
  });

  test('a cell left of the view, under the row numbers, scrolls right of them', () => {
    const r = revealScroll({ ...view, left: 300 }, reserved, { top: 100, left: 310, width: 60, height: 20 });
    expect(r.left).toBe(310 - 44 - 8);
  });
});
