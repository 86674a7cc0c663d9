/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { MemoryHost } from '../../src/playground/memory-host';
import { annotatedFileName, PlaygroundPage, type SampleWorkbook } from '../../src/playground/PlaygroundPage';
import { inProcessReader } from '../support/fake-read-worker';
import { SheetGrid } from '../../src/playground/SheetGrid';
import { cloneBook, emptyBook, emptySheet, type Book } from '../../src/playground/workbook-model';
import { loadBundled } from '../rubric/bundled';

function gridBook(): Book {
  const s = emptySheet('自评表');
  s.cells.set('A1', { value: '评价内容', bold: true, fill: '#D9E1F2' });
  s.cells.set('B1', { value: '自评得分' });
  s.cells.set('A2', { value: '规范工作流程' });
  s.cells.set('B2', { value: 0.15, numberFormat: '0%' });
  s.cells.set('B3', { value: 1.5, note: '复核：已核对' });
  s.cells.set('B4', { value: null, formula: 'SUM(B2:B3)' });
  s.merges = [{ top: 1, left: 0, bottom: 2, right: 0 }]; // A2:A3
  return { sheets: [s], active: '自评表' };
}

const cell = (address: string) => document.querySelector(`td[data-cell="${address}"]`) as HTMLElement;

describe('SheetGrid', () => {
  test('draws values, merges, fills and notes, with data-cell on every cell', () => {
    const host = new MemoryHost(gridBook());
    render(<SheetGrid host={host} locale="zh-CN" />);
    expect(screen.getByRole('grid', { name: '工作表“自评表”' })).toBeInTheDocument();
    expect(cell('A1')).toHaveTextContent('评价内容');
    expect(cell('A1')).toHaveStyle({ backgroundColor: '#D9E1F2' });
    expect(cell('B2')).toHaveTextContent('15%');
    expect(cell('B4')).toHaveTextContent('1.65'); // computed: 0.15 + 1.5
    expect(cell('A2')).toHaveAttribute('rowspan', '2');
    expect(cell('A3')).toBeNull(); // under the merge
    expect(cell('B3')).toHaveAccessibleDescription('复核：已核对');
    expect(screen.getByRole('tooltip', { hidden: true })).toHaveTextContent('复核：已核对');
    expect(screen.getByRole('columnheader', { name: 'B' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: '4' })).toBeInTheDocument();
  });

  test('shows marks with data-severity and the selection with aria-selected; clicks and arrow keys select', async () => {
    const host = new MemoryHost(gridBook());
    render(<SheetGrid host={host} locale="zh-CN" />);
    expect(document.querySelectorAll('td[data-severity]')).toHaveLength(0);
    await act(() => host.writeMarks('自评表', [{ cell: 'B2', severity: 'error', note: '超过满分' }]));
    expect(cell('B2')).toHaveAttribute('data-severity', 'error');
    expect(cell('B2')).toHaveStyle({ backgroundColor: '#FFC7CE' });
    expect(cell('B2')).toHaveAccessibleDescription('超过满分');
    expect(document.querySelectorAll('td[data-severity]')).toHaveLength(1);

    await act(() => host.selectCell('自评表', 'B3'));
    expect(cell('B3')).toHaveAttribute('aria-selected', 'true');
    expect(cell('B3')).toHaveAttribute('data-selected', 'true');
    expect(cell('A1')).toHaveAttribute('aria-selected', 'false');

    fireEvent.click(cell('A1'));
    await waitFor(() => expect(cell('A1')).toHaveAttribute('aria-selected', 'true'));
    fireEvent.keyDown(cell('A1'), { key: 'ArrowDown' });
    await waitFor(() => expect(cell('A2')).toHaveAttribute('aria-selected', 'true'));
    // Down again leaves the merged A2:A3 from its bottom edge.
    fireEvent.keyDown(cell('A2'), { key: 'ArrowDown' });
    await waitFor(() => expect(host.selected.address).toBe('A4'));

    await act(async () => void (await host.clearMarks()));
    expect(cell('B2')).not.toHaveAttribute('data-severity');
    expect(cell('B2').style.backgroundColor).toBe('');
  });
});

async function sampleBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '填表说明';
  wb.addWorksheet('自评表').getCell('A1').value = '示例内容';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function renderPage(host: MemoryHost, loadSample: () => Promise<SampleWorkbook>) {
  const rubric = loadBundled();
  return render(
    <FluentProvider theme={webLightTheme}>
      <PlaygroundPage
        host={host}
        locale="zh-CN"
        loadSample={loadSample}
        insertBlank={() => host.insertSheet(buildTemplateSpec(rubric))}
        readWorkbook={inProcessReader()}
        pane={<p>任务窗格</p>}
      />
    </FluentProvider>,
  );
}

describe('PlaygroundPage', () => {
  test('starts with the example, offers its sheets as tabs, and switches the grid between them', async () => {
    const host = new MemoryHost(emptyBook());
    const bytes = await sampleBytes();
    renderPage(host, async () => ({ file: '示例.xlsx', bytes }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已加载示例“示例.xlsx”'));
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(['说明', '自评表']);
    fireEvent.click(screen.getByRole('tab', { name: '自评表' }));
    await waitFor(() => expect(cell('A1')).toHaveTextContent('示例内容'));
    expect(screen.getByText('任务窗格')).toBeInTheDocument();
  });

  test('without the example it says so and puts in a blank self-assessment sheet', async () => {
    const host = new MemoryHost(emptyBook());
    renderPage(host, async () => {
      throw new Error('HTTP 404');
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('无法加载示例工作簿（HTTP 404）'));
    expect(screen.getByRole('status')).toHaveTextContent('已放入一张空白自评表（自评表）');
    expect(host.workbook.active).toBe('自评表');
  });

  test('a file that is not an xlsx is refused with a Chinese explanation and the workbook stays as it was', async () => {
    const host = new MemoryHost(emptyBook());
    const bytes = await sampleBytes();
    renderPage(host, async () => ({ file: '示例.xlsx', bytes }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已加载示例'));
    const before = cloneBook(host.workbook as Book);
    const input = document.getElementById('pg-file') as HTMLInputElement;
    const text = '序号,得分\n1,2\n';
    const file = new File([text], '自评表.csv', { type: 'text/csv' });
    // jsdom's File has no arrayBuffer(); browsers do.
    Object.defineProperty(file, 'arrayBuffer', { value: async () => Uint8Array.from(Buffer.from(text)).buffer });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('无法读取“自评表.csv”'));
    expect(screen.getByRole('status')).toHaveTextContent('另存为“Excel 工作簿 (*.xlsx)”');
    expect(host.workbook).toEqual(before);
  });

  test('the download is named after the opened file', () => {
    expect(annotatedFileName('江苏路街道-2023-自评表.xlsx', 'zh-CN')).toBe('江苏路街道-2023-自评表（已标注）.xlsx');
    expect(annotatedFileName('book.XLSX', 'en')).toBe('book (annotated).xlsx');
  });
});
