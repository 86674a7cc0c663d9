import { readFileSync } from 'fs';
import { join } from 'path';
import { WorkbookReadError } from '../../src/cli/xlsx/read-errors';
import { handleReadRequest, type ReadReply } from '../../src/playground/read-worker-handler';
import { ReadCancelled, workerReader } from '../../src/playground/workbook-reader';
import { readXlsx } from '../../src/playground/xlsx-read';
import { fakeReader, InProcessWorker, ScriptedWorker } from '../support/fake-read-worker';
import { inflatingXlsx } from '../support/hostile-xlsx';

const example = new Uint8Array(readFileSync(join(__dirname, '../../examples/江苏路街道-2023-自评表.xlsx')));

async function repliesTo(bytes: unknown, file = '示例.xlsx'): Promise<ReadReply[]> {
  const replies: ReadReply[] = [];
  await handleReadRequest({ file, bytes } as { file: string; bytes: Uint8Array }, (r) => replies.push(r));
  return replies;
}

describe('the read worker\'s handler', () => {
  test('reports progress through each stage, then the workbook, which survives the structured clone postMessage makes', async () => {
    const replies = await repliesTo(example);
    const stages = replies.filter((r) => r.kind === 'progress').map((r) => (r.kind === 'progress' ? r.progress.stage : ''));
    expect(stages[0]).toBe('check');
    expect(stages).toContain('parse');
    expect(stages.at(-1)).toBe('sheets');
    const last = replies.at(-1)!;
    expect(last.kind).toBe('done');
    if (last.kind !== 'done') return;
    const direct = await readXlsx(example, '示例.xlsx');
    expect(structuredClone(last)).toEqual({ kind: 'done', read: direct });
    expect(last.read.book.sheets.some((s) => s.cells.size > 50)).toBe(true);
  });

  test('a sheet inflating past 64 MB is refused naming the limit, in Chinese and English, and no workbook is sent', async () => {
    const replies = await repliesTo(inflatingXlsx(90, { lie: true }), '炸弹.xlsx');
    expect(replies.some((r) => r.kind === 'done')).toBe(false);
    const failed = replies.at(-1)!;
    expect(structuredClone(failed)).toEqual(failed);
    expect(failed).toMatchObject({ kind: 'failed', problem: 'limit' });
    if (failed.kind !== 'failed') return;
    expect(failed.zh).toContain('炸弹.xlsx 超出读取上限：单个部件解压后的大小');
    expect(failed.zh).toContain('上限为 64 MB');
    expect(failed.en).toContain('inflated size of one part');
  });

  test('a request without bytes is the tool\'s fault, said so, not a crash', async () => {
    expect((await repliesTo(undefined)).at(-1)).toMatchObject({ kind: 'failed', problem: 'internal' });
  });
});

describe('the page\'s worker reader', () => {
  const book = { sheets: [], active: '' };

  test('passes progress on, resolves with the workbook, and ends the worker', async () => {
    const { reader, made } = fakeReader(() => new ScriptedWorker());
    const progress: unknown[] = [];
    const task = reader(example, '示例.xlsx', (p) => progress.push(p));
    const [w] = made;
    expect(w.requests).toEqual([{ file: '示例.xlsx', bytes: example }]);
    w.reply({ kind: 'progress', progress: { stage: 'parse' } });
    w.reply({ kind: 'done', read: { book, truncated: [] } });
    await expect(task.result).resolves.toEqual({ book, truncated: [] });
    expect(progress).toEqual([{ stage: 'parse' }]);
    expect(w.terminated).toBe(true);
  });

  test('a failure comes back as a WorkbookReadError with both languages', async () => {
    const { reader, made } = fakeReader(() => new ScriptedWorker());
    const task = reader(example, 'x.xlsx');
    made[0].reply({ kind: 'failed', problem: 'corrupt', zh: '已损坏', en: 'damaged' });
    const err = await task.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(err).toMatchObject({ problem: 'corrupt', zh: '已损坏', en: 'damaged' });
    expect(made[0].terminated).toBe(true);
  });

  test('cancel terminates the worker and rejects with ReadCancelled; a late answer is ignored', async () => {
    const { reader, made } = fakeReader(() => new ScriptedWorker());
    const progress: unknown[] = [];
    const task = reader(example, 'x.xlsx', (p) => progress.push(p));
    const w = made[0];
    task.cancel();
    expect(w.terminated).toBe(true);
    await expect(task.result).rejects.toBeInstanceOf(ReadCancelled);
    // As if a message had already been queued when terminate() was called.
    w.onmessage?.({ data: { kind: 'progress', progress: { stage: 'parse' } } });
    w.onmessage?.({ data: { kind: 'done', read: { book, truncated: [] } } });
    expect(progress).toEqual([]);
    task.cancel(); // a second click does nothing more
  });

  test('a worker that dies, or cannot be made, is an internal error naming the file', async () => {
    const { reader, made } = fakeReader(() => new ScriptedWorker());
    const task = reader(example, 'x.xlsx');
    made[0].crash('out of memory');
    await expect(task.result).rejects.toMatchObject({ problem: 'internal', en: expect.stringContaining('out of memory') });
    expect(made[0].terminated).toBe(true);
    const { reader: broken } = fakeReader((): ScriptedWorker => {
      throw new Error('refused by the content security policy');
    });
    await expect(broken(example, 'y.xlsx').result).rejects.toMatchObject({ problem: 'internal', zh: expect.stringContaining('y.xlsx') });
  });

  test('one worker per read: the in-process worker runs the real handler end to end', async () => {
    const { reader, made } = fakeReader(() => new InProcessWorker());
    const first = await reader(example, 'a.xlsx').result;
    const second = await reader(example, 'b.xlsx').result;
    expect(second).toEqual(first);
    expect(made).toHaveLength(2);
    expect(made.every((w) => w.terminated)).toBe(true);
  });
});

describe('a worker started ahead (spare)', () => {
  test('is made before any read, used by the next read, and replaced when that read ends', async () => {
    const made: ScriptedWorker[] = [];
    const read = workerReader(
      () => {
        const w = new ScriptedWorker();
        made.push(w);
        return w;
      },
      { spare: true },
    );
    expect(made).toHaveLength(1);
    expect(made[0].requests).toEqual([]);
    const task = read(example, 'a.xlsx');
    expect(made).toHaveLength(1);
    expect(made[0].requests[0].file).toBe('a.xlsx');
    made[0].reply({ kind: 'done', read: { book: { sheets: [], active: '' }, truncated: [] } });
    await task.result;
    expect(made[0].terminated).toBe(true);
    expect(made).toHaveLength(2);
    expect(made[1].terminated).toBe(false);
    const next = read(example, 'b.xlsx');
    expect(made[1].requests[0].file).toBe('b.xlsx');
    next.cancel();
    expect(made[1].terminated).toBe(true);
    await expect(next.result).rejects.toBeInstanceOf(ReadCancelled);
    expect(made).toHaveLength(3);
  });
});
