/** @jest-environment jsdom */
/**
 * The page side of the values-only read: a valid file ExcelJS cannot load opens through the worker's real
 * handler, its values are in the workbook, and the status says that fills and notes are not shown.
 */
import '@testing-library/jest-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { buildTemplateSpec } from '../../src/engine/template/build-template';
import { MemoryHost } from '../../src/playground/memory-host';
import { PlaygroundPage } from '../../src/playground/PlaygroundPage';
import type { WorkbookReader } from '../../src/playground/workbook-reader';
import { emptyBook, emptySheet, type Book } from '../../src/playground/workbook-model';
import { fakeReader, inProcessReader, ScriptedWorker } from '../support/fake-read-worker';
import { fixtureParts, zipParts } from '../support/office-package';
import { loadBundled } from '../rubric/bundled';

const rubric = loadBundled();

test('an openpyxl-style workbook opens values-only, its values in the workbook and the notice in the status', async () => {
  const host = new MemoryHost(emptyBook());
  const { reader, made } = fakeReader(() => new ScriptedWorker());
  const real = inProcessReader();
  let first = true;
  // The example through a scripted worker (nothing to read), then the chosen file through the real handler.
  const both: WorkbookReader = (bytes, file, onProgress) => {
    if (!first) return real(bytes, file, onProgress);
    first = false;
    return reader(bytes, file, onProgress);
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <PlaygroundPage
        host={host}
        locale="zh-CN"
        loadSample={async () => ({ file: '示例.xlsx', bytes: new Uint8Array([1]) })}
        insertBlank={() => host.insertSheet(buildTemplateSpec(rubric))}
        readWorkbook={both}
        pane={<p>任务窗格</p>}
      />
    </FluentProvider>,
  );
  await waitFor(() => expect(made).toHaveLength(1));
  const sample = emptySheet('示例');
  await act(async () => made[0].reply({ kind: 'done', read: { book: { sheets: [sample], active: '示例' }, truncated: [] } }));

  const bytes = zipParts(fixtureParts({ commentsPath: 'xl/comments/comment1.xml' }));
  const file = new File([], 'openpyxl.xlsx');
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  await act(async () => {
    fireEvent.change(document.getElementById('pg-file') as HTMLInputElement, { target: { files: [file] } });
  });
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('只读入了数值和公式'), { timeout: 30_000 });
  expect(screen.getByRole('status')).toHaveTextContent('openpyxl.xlsx');
  const book = host.workbook as Book;
  expect(book.sheets.map((s) => s.name)).toContain('自评表');
  expect(book.sheets.find((s) => s.name === '自评表')!.cells.size).toBeGreaterThan(5);
});
