/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { MemoryHost } from '../../src/playground/memory-host';
import { PlaygroundPage } from '../../src/playground/PlaygroundPage';
import type { WorkbookReader } from '../../src/playground/workbook-reader';
import { cloneBook, emptyBook, emptySheet, type Book } from '../../src/playground/workbook-model';
import { fakeReader, inProcessReader, ScriptedWorker } from '../support/fake-read-worker';
import { inflatingXlsx } from '../support/hostile-xlsx';
import { fixtureParts, zipParts } from '../support/office-package';
import { loadBundled } from '../rubric/bundled';

const rubric = loadBundled();

function bookWith(name: string, text: string): Book {
  const s = emptySheet(name);
  s.cells.set('A1', { value: text });
  return { sheets: [s], active: name };
}

function renderPage(host: MemoryHost, readWorkbook: WorkbookReader) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PlaygroundPage
        host={host}
        locale="zh-CN"
        loadSample={async () => ({ file: '示例.xlsx', bytes: new Uint8Array([1]) })}
        insertBlank={() => host.insertSheet(buildTemplateSpec(rubric))}
        readWorkbook={readWorkbook}
        pane={<p>任务窗格</p>}
      />
    </FluentProvider>,
  );
}

/** Chooses `bytes` as `name` in the page's file input (jsdom's File has no arrayBuffer(); browsers do). */
async function chooseFile(name: string, bytes: Uint8Array) {
  const file = new File([], name);
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  await act(async () => {
    fireEvent.change(document.getElementById('pg-file') as HTMLInputElement, { target: { files: [file] } });
  });
}

/** The example through a scripted worker (the test answers for it), then every chosen file through the worker's real handler. */
function sampleThenReal(): { both: WorkbookReader; made: ScriptedWorker[] } {
  const { reader, made } = fakeReader(() => new ScriptedWorker());
  const real = inProcessReader();
  let first = true;
  const both: WorkbookReader = (bytes, file, onProgress) => {
    if (!first) return real(bytes, file, onProgress);
    first = false;
    return reader(bytes, file, onProgress);
  };
  return { both, made };
}

const status = () => screen.getByRole('status');
const cancelButton = () => screen.queryByRole('button', { name: '取消' });

describe('reading in the worker: progress, 「取消」, and the workbook kept', () => {
  test('while the example is read the page says how far it is and offers 取消; then the workbook opens', async () => {
    const host = new MemoryHost(emptyBook());
    const { reader, made } = fakeReader(() => new ScriptedWorker());
    renderPage(host, reader);
    await waitFor(() => expect(made).toHaveLength(1));
    const w = made[0];
    expect(w.requests[0].file).toBe('示例.xlsx');
    expect(document.querySelector('.playground')).toHaveAttribute('data-state', 'loading');
    act(() => w.reply({ kind: 'progress', progress: { stage: 'check', fraction: 0.4 } }));
    expect(status()).toHaveTextContent('正在读取“示例.xlsx”…（检查文件大小 40%）');
    expect(screen.getByRole('progressbar', { name: '读取进度' })).toHaveAttribute('aria-valuenow', '0.4');
    act(() => w.reply({ kind: 'progress', progress: { stage: 'parse' } }));
    expect(status()).toHaveTextContent('（解析工作簿）');
    act(() => w.reply({ kind: 'progress', progress: { stage: 'sheets', done: 1, total: 2 } }));
    expect(status()).toHaveTextContent('（整理工作表 1/2）');
    expect(cancelButton()).toBeEnabled();
    expect(screen.getByRole('button', { name: '打开工作簿（.xlsx）…' })).toBeDisabled();
    await act(async () => w.reply({ kind: 'done', read: { book: bookWith('自评表', '示例内容'), truncated: [] } }));
    await waitFor(() => expect(status()).toHaveTextContent('已加载示例“示例.xlsx”'));
    expect(host.workbook.sheets[0].cells.get('A1')?.value).toBe('示例内容');
    expect(cancelButton()).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(w.terminated).toBe(true);
  });

  test('取消 (by click, then by Esc) ends the worker and leaves the previous workbook untouched, late answers ignored', async () => {
    const host = new MemoryHost(emptyBook());
    const { reader, made } = fakeReader(() => new ScriptedWorker());
    renderPage(host, reader);
    await waitFor(() => expect(made).toHaveLength(1));
    await act(async () => made[0].reply({ kind: 'done', read: { book: bookWith('自评表', '之前的表'), truncated: [] } }));
    await waitFor(() => expect(status()).toHaveTextContent('已加载示例'));
    const before = cloneBook(host.workbook as Book);
    const version = host.getVersion();

    await chooseFile('大表.xlsx', new Uint8Array([1, 2, 3]));
    await waitFor(() => expect(made).toHaveLength(2));
    expect(made[1].requests[0]).toEqual({ file: '大表.xlsx', bytes: new Uint8Array([1, 2, 3]) });
    // Started from the toolbar: the focus is on 取消, so Enter or Space cancels at once.
    await waitFor(() => expect(cancelButton()).toHaveFocus());
    fireEvent.click(cancelButton()!);
    expect(made[1].terminated).toBe(true);
    await waitFor(() => expect(status()).toHaveTextContent('已取消读取“大表.xlsx”，工作簿没有改动。'));
    // A message already queued when the worker was ended changes nothing.
    await act(async () => made[1].onmessage?.({ data: { kind: 'done', read: { book: bookWith('大表', '不该出现'), truncated: [] } } }));
    expect(host.workbook).toEqual(before);
    expect(host.getVersion()).toBe(version);
    expect(cancelButton()).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: '打开工作簿（.xlsx）…' })).toBeEnabled());
    await waitFor(() => expect(screen.getByRole('button', { name: '打开工作簿（.xlsx）…' })).toHaveFocus());

    await chooseFile('又一个.xlsx', new Uint8Array([4]));
    await waitFor(() => expect(made).toHaveLength(3));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(made[2].terminated).toBe(true);
    await waitFor(() => expect(status()).toHaveTextContent('已取消读取“又一个.xlsx”'));
    expect(host.workbook).toEqual(before);
  });

  test('a worker that dies says so as the tool\'s fault and keeps the workbook', async () => {
    const host = new MemoryHost(bookWith('自评表', '之前的表'));
    const { reader, made } = fakeReader(() => new ScriptedWorker());
    renderPage(host, reader);
    await waitFor(() => expect(made).toHaveLength(1));
    const before = cloneBook(host.workbook as Book);
    act(() => made[0].crash('Out of memory'));
    await waitFor(() => expect(status()).toHaveTextContent('这是本工具的问题'));
    expect(host.workbook).toEqual(before);
  });

  test('a hostile workbook (a sheet inflating past 64 MB, its size a lie) is refused by the limit\'s name; nothing changes', async () => {
    const host = new MemoryHost(emptyBook());
    const { both, made } = sampleThenReal();
    renderPage(host, both);
    await waitFor(() => expect(made).toHaveLength(1));
    await act(async () => made[0].reply({ kind: 'done', read: { book: bookWith('自评表', '之前的表'), truncated: [] } }));
    await waitFor(() => expect(status()).toHaveTextContent('已加载示例'));
    const before = cloneBook(host.workbook as Book);
    await chooseFile('炸弹.xlsx', inflatingXlsx(90, { lie: true }));
    await waitFor(() => expect(status()).toHaveTextContent('无法读取“炸弹.xlsx”'), { timeout: 30_000 });
    expect(status()).toHaveTextContent('超出读取上限：单个部件解压后的大小');
    expect(status()).toHaveTextContent('上限为 64 MB');
    expect(host.workbook).toEqual(before);
  });
});

describe('a valid workbook ExcelJS cannot load', () => {
  test('opens values-only through the real handler, its values in the workbook and the notice in the status', async () => {
    const host = new MemoryHost(emptyBook());
    const { both, made } = sampleThenReal();
    renderPage(host, both);
    await waitFor(() => expect(made).toHaveLength(1));
    await act(async () => made[0].reply({ kind: 'done', read: { book: bookWith('示例', ''), truncated: [] } }));
    await chooseFile('openpyxl.xlsx', zipParts(fixtureParts({ commentsPath: 'xl/comments/comment1.xml' })));
    await waitFor(() => expect(status()).toHaveTextContent('只读入了数值和公式'), { timeout: 30_000 });
    expect(status()).toHaveTextContent('openpyxl.xlsx');
    const book = host.workbook as Book;
    expect(book.sheets.map((s) => s.name)).toContain('自评表');
    expect(book.sheets.find((s) => s.name === '自评表')!.cells.size).toBeGreaterThan(5);
  });
});
