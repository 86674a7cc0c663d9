import ExcelJS from 'exceljs';
import { NOTE_AUTHOR } from '../../src/engine/validate/note-text';
import { MemoryHost } from '../../src/playground/memory-host';
import { readXlsx } from '../../src/playground/xlsx-read';
import { exportXlsx } from '../../src/playground/xlsx-write';
import { signNotes } from '../../src/xlsx/note-author';
import { ZipPackage } from '../../src/xlsx/zip-package';

async function withNote(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  ws.getCell('B2').value = 3;
  ws.getCell('B2').note = '评分助手：\n错误：超过满分';
  wb.addWorksheet('第二张').getCell('A1').note = '复核意见';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const authors = (bytes: Uint8Array): string[] => {
  const pkg = ZipPackage.open(bytes);
  return pkg
    .names()
    .filter((n) => /^xl\/comments\d*\.xml$/.test(n))
    .sort()
    .map((n) => /<authors>(.*?)<\/authors>/.exec(pkg.text(n)!)![1]);
};

describe('notes in files we write are signed 评分助手', () => {
  test('ExcelJS signs "Author"; signNotes puts 评分助手 in every comments part and changes nothing else', async () => {
    const bytes = await withNote();
    expect(authors(bytes)).toEqual(['<author>Author</author>', '<author>Author</author>']);
    const signed = signNotes(bytes, NOTE_AUTHOR);
    expect(authors(signed)).toEqual(['<author>评分助手</author>', '<author>评分助手</author>']);
    const before = ZipPackage.open(bytes);
    const after = ZipPackage.open(signed);
    expect(after.names()).toEqual(before.names());
    for (const name of before.names().filter((n) => !n.startsWith('xl/comments'))) expect(after.read(name)).toEqual(before.read(name));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(signed) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('自评表')!.getCell('B2').note).toBe('评分助手：\n错误：超过满分');
  });

  test('an author name is escaped as XML text; a package without notes comes back as the same bytes', async () => {
    expect(authors(signNotes(await withNote(), 'A&B <C>'))[0]).toBe('<author>A&amp;B &lt;C&gt;</author>');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').getCell('A1').value = 1;
    const plain = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(signNotes(plain, NOTE_AUTHOR)).toBe(plain);
  });

  test('the playground download signs its marks 评分助手; the notes already in the file keep their author', async () => {
    const bytes = await withNote();
    const host = new MemoryHost((await readXlsx(bytes, 'x.xlsx')).book);
    await host.writeMarks('自评表', [{ cell: 'C3', severity: 'warning', note: '评分助手：\n警告：缺佐证材料' }]);
    const out = await exportXlsx(host.workbook, host.valueAt.bind(host), bytes, 'x.xlsx', host.allMarks());
    // The file's own notes (here signed by whatever wrote it) are the user's content: patched copies leave them as they are.
    expect(authors(out)).toEqual(['<author>Author</author><author>评分助手</author>', '<author>Author</author>']);
    const comments = ZipPackage.open(out).text('xl/comments1.xml')!;
    expect(comments).toMatch(/<comment ref="C3" authorId="1">/);
    // A workbook started in the page is a new file written by ExcelJS: its notes are signed afterwards.
    const fresh = new MemoryHost();
    await fresh.writeMarks(fresh.workbook.sheets[0].name, [{ cell: 'A1', severity: 'error', note: '超过满分' }]);
    expect(authors(await exportXlsx(fresh.workbook, fresh.valueAt.bind(fresh)))).toEqual(['<author>评分助手</author>']);
  });
});
