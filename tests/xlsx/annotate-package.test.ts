import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'fs';
import { join } from 'path';
import { issueListRows } from '../../src/engine/validate/issue-list';
import type { Finding } from '../../src/engine/validate/finding';
import { AnnotateError, annotatePackage, type AnnotateRequest } from '../../src/xlsx/annotate/annotate-package';
import { MARK_FILL_ARGB } from '../../src/xlsx/annotate/styles-patch';
import { parseTree } from '../../src/xlsx/annotate/xml-tree';
import { fixtureParts, fixtureWorkbook, MARKED_SHEET, wellFormed, zipParts } from '../support/office-package';

const unzip = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

const finding = (cell: string, severity: Finding['severity'], code: string, message: string, clauseId?: string): Finding =>
  ({ sheet: '自评表', cell, severity, code, message, ...(clauseId ? { clauseId } : {}) }) as Finding;

const FINDINGS = [
  finding('E4', 'error', 'SCORE_ABOVE_MAX', '自评得分 7 超过满分 5。', '1.1'),
  finding('E4', 'warning', 'EVIDENCE_MISSING', '缺少佐证材料。', '1.1'),
  finding('F6', 'warning', 'FORMULA_STALE', '公式结果与缓存不一致。'),
  finding('E6', 'info', 'NOTE', '单元格 E6 没有元素。'),
  finding('G12', 'error', 'SCORE_MISSING', '缺少自评得分。', '3.2'),
  finding('B1', 'info', 'TITLE', '标题在合并区域内。'),
  finding('B6', 'warning', 'NO_R', '没有 r 属性的单元格。'),
  finding('E5', 'error', 'ROW_FORMAT', 'LibreOffice 行。'),
];

const request = (findings: readonly Finding[] = FINDINGS): AnnotateRequest => ({
  sheet: '自评表',
  marks: findings.map((f) => ({ cell: f.cell, severity: f.severity, note: `${f.code}：${f.message}` })),
  noteHeading: '评分助手检查结果：',
  issues: issueListRows(findings),
  locale: 'zh-CN',
});

/** Parts the patch may change or add, by the fixture's own names. */
const OWNED = new Set(['[Content_Types].xml', MARKED_SHEET, 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);

/** The sheet with every style index and every empty cell or row removed: what the patch may not change. */
const sheetSkeleton = (xml: string) =>
  xml
    .replace(/ s="\d+"/g, '')
    .replace(/<c r="[A-Z]+\d+"\/>/g, '')
    .replace(/<row r="\d+"><\/row>/g, '')
    .replace(/<legacyDrawing r:id="rId\d+"\/>/, '');

const cellTag = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>`).exec(xml)?.[0];
const sOf = (xml: string, ref: string) => Number(/ s="(\d+)"/.exec(cellTag(xml, ref) ?? '')?.[1] ?? 0);

/** The raw text of each entry of a styles.xml section, read with the patcher's own tree reader. */
function entries(styles: string, section: string): string[] {
  const root = parseTree(styles, 'styles.xml', (p) => p.length <= 2);
  return root.children.find((c) => c.local === section)!.children.map((e) => styles.slice(e.start, e.end));
}
const xfs = (styles: string) => entries(styles, 'cellXfs');
const fills = (styles: string) => entries(styles, 'fills');

describe('annotatePackage on a workbook as Excel, LibreOffice and openpyxl write them', () => {
  const before = fixtureParts({ commentsPath: 'xl/comments/comment1.xml' });
  const out = unzip(annotatePackage(zipParts(before), request()));

  test('every part it does not own is byte-identical; the only new parts are the 问题清单 sheet', () => {
    const owned = new Set([...OWNED, 'xl/comments/comment1.xml', 'xl/drawings/vmlDrawing1.vml']);
    for (const [name, text] of Object.entries(before)) {
      if (!owned.has(name)) expect([name, out[name]]).toEqual([name, text]);
    }
    const added = Object.keys(out).filter((n) => !(n in before));
    // sheet1.xml is free: the fixture's marked sheet is data.xml (named through workbook.xml.rels).
    expect(added).toEqual(['xl/worksheets/sheet1.xml']);
    // docProps/app.xml keeps its sheet list: Excel rebuilds it on save and reads nothing from it.
    expect(out['docProps/app.xml']).toBe(before['docProps/app.xml']);
  });

  test('every XML part of the copy is well-formed (a second reader)', () => {
    for (const [name, text] of Object.entries(out)) if (!name.endsWith('.vml')) wellFormed(name, text);
  });

  test('the marked sheet differs only in style indexes, added empty cells and rows; everything else kept in place', () => {
    const was = before[MARKED_SHEET];
    const now = out[MARKED_SHEET];
    expect(sheetSkeleton(now)).toBe(sheetSkeleton(was));
    for (const kept of ['<sheetProtection', '<conditionalFormatting sqref="E3:E8">', '<dataValidations', '<x14:dataValidations', '<x14:sparklineGroups', '<x14:conditionalFormattings', '<hyperlinks>', '<tableParts', '<drawing r:id="rId1"/>', '<legacyDrawing r:id="rId2"/>', '<autoFilter', '<f t="shared" ref="F3:F5" si="0">E3*2</f>', '<is><t>精准救助</t></is>', '<f>加分上限*2</f>']) {
      expect([kept, now.includes(kept)]).toEqual([kept, true]);
    }
    // Added where none was: E6 in an existing row (before F6), G12 in a new row after row 9.
    expect(now).toContain('<c r="E6" s="');
    expect(now.indexOf('<c r="E6"')).toBeLessThan(now.indexOf('<c r="F6"'));
    expect(now).toMatch(/<row r="9" ht="30" customHeight="1"\/><row r="12"><c r="G12" s="\d+"\/><\/row><\/sheetData>/);
    // B1 is inside the merged title A1:C1: the mark goes on A1, which Excel shows.
    expect(sOf(now, 'A1')).not.toBe(2);
    expect(sOf(now, 'B1')).toBe(2);
    // B6 has no r attribute: its s changed in place, no second B6 added.
    expect(now).toMatch(/<row r="6"><c s="3"><v>4<\/v><\/c><c s="\d+" t="inlineStr"><is><t>兜底保障<\/t><\/is><\/c><c s="3"\/><c r="E6" s="\d+"\/><c r="F6" s="\d+">/);
    expect(now).not.toContain('<c r="B6"');
  });

  test('each marked cell gets a clone of its own format with the severity fill; other formats are not touched', () => {
    const wasXfs = xfs(before['xl/styles.xml']);
    const nowXfs = xfs(out['xl/styles.xml']);
    expect(nowXfs.slice(0, wasXfs.length)).toEqual(wasXfs);
    expect(fills(out['xl/styles.xml']).slice(0, 3)).toEqual(fills(before['xl/styles.xml']));
    const sheet = out[MARKED_SHEET];
    const e4 = nowXfs[sOf(sheet, 'E4')];
    // E4 had format 1 (number format 176, border 1, centred, unlocked): all kept, fill added.
    expect(e4).toContain('numFmtId="176"');
    expect(e4).toContain('borderId="1"');
    expect(e4).toContain('<protection locked="0"/>');
    expect(e4).toContain('applyFill="1"');
    const fillOf = (xf: string) => fills(out['xl/styles.xml'])[Number(/fillId="(\d+)"/.exec(xf)![1])];
    expect(fillOf(e4)).toContain(MARK_FILL_ARGB.error);
    expect(fillOf(nowXfs[sOf(sheet, 'F6')])).toContain(MARK_FILL_ARGB.warning);
    // A new cell in column E takes the column's format (1), in a new row of column G the default (0).
    expect(nowXfs[sOf(sheet, 'E6')]).toContain('numFmtId="176"');
    expect(nowXfs[sOf(sheet, 'G12')]).toMatch(/numFmtId="0" fontId="0"/);
    // E5 is in a LibreOffice row with customFormat="true": it keeps its own s=1 base.
    expect(nowXfs[sOf(sheet, 'E5')]).toContain('numFmtId="176"');
    // One new format per (original format, severity): E4 (1, error) and E5 (1, error) share one.
    expect(sOf(sheet, 'E4')).toBe(sOf(sheet, 'E5'));
    expect(out['xl/styles.xml']).toMatch(new RegExp(`<cellXfs count="${nowXfs.length}">`));
    expect(out['xl/styles.xml']).toContain('<font><sz val="10.5"/><color theme="1"/><name val="宋体"/>');
    for (const kept of ['<cellStyle name="评分表标题" xfId="1" customBuiltin="1"/>', '<dxfs count="1">', '<x14:slicerStyles', 'x14ac:knownFonts="1"']) expect(out['xl/styles.xml']).toContain(kept);
  });

  test("notes merge with the user's: their runs kept, ours appended; other notes and the threaded comment's cell untouched", () => {
    const was = before['xl/comments/comment1.xml'];
    const now = out['xl/comments/comment1.xml'];
    expect(now).toContain('<authors><author>王科长</author><author>tc={6B1E2C3A-0000-4000-8000-0000000000F6}</author><author>评分助手</author></authors>');
    const g9 = /<comment ref="G9"[\s\S]*?<\/comment>/.exec(was)![0];
    const f6 = /<comment ref="F6"[\s\S]*?<\/comment>/.exec(was)![0];
    expect(now).toContain(g9);
    expect(now).toContain(f6);
    const e4 = /<comment ref="E4"[\s\S]*?<\/comment>/.exec(now)![0];
    expect(e4).toContain('<t>王科长:</t>');
    expect(e4).toContain('佐证材料已补。');
    expect(e4).toContain('\n\n评分助手检查结果：\nSCORE_ABOVE_MAX：自评得分 7 超过满分 5。\nEVIDENCE_MISSING：缺少佐证材料。');
    // New notes, by our author (2), one per marked cell without a threaded comment.
    for (const ref of ['E6', 'G12', 'A1', 'B6', 'E5']) expect(now).toMatch(new RegExp(`<comment ref="${ref}" authorId="2">`));
    expect(now.match(/<comment ref="F6"/g)).toHaveLength(1);
    // VML: the original shapes as written (including the <br>), and one new shape per new note.
    const vml = out['xl/drawings/vmlDrawing1.vml'];
    expect(vml.startsWith(before['xl/drawings/vmlDrawing1.vml'].slice(0, -'</xml>'.length))).toBe(true);
    expect(vml.match(/ObjectType="Note"/g)).toHaveLength(3 + 5);
    expect(vml).toContain('<x:Row>11</x:Row><x:Column>6</x:Column>');
    expect(new Set(vml.match(/_x0000_s\d+/g)).size).toBe(vml.match(/id="_x0000_s\d+"/g)!.length);
  });

  test('问题清单 is appended last with its rel and content type; workbook.xml otherwise unchanged', () => {
    const wb = out['xl/workbook.xml'];
    expect(wb).toBe(before['xl/workbook.xml'].replace('</sheets>', '<sheet name="问题清单" sheetId="4" r:id="rId9"/></sheets>'));
    expect(out['xl/_rels/workbook.xml.rels']).toContain('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>');
    expect(out['[Content_Types].xml']).toContain('<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    const list = out['xl/worksheets/sheet1.xml'];
    // Rows in sheet order: B1 (row 1) first; its link goes to the cell as reported.
    expect(list).toContain('<hyperlink ref="B2" location="\'自评表\'!B1" display="B1"/>');
    expect(list).toContain('<t xml:space="preserve">自评得分 7 超过满分 5。</t>');
    expect(list.match(/<row /g)).toHaveLength(FINDINGS.length + 1);
  });

  test('a second run on the copy replaces its 问题清单 and its own earlier note text instead of stacking them', () => {
    const again = unzip(annotatePackage(zipParts(out), request(FINDINGS.slice(0, 1))));
    expect(again['xl/workbook.xml'].match(/name="问题清单"/g)).toHaveLength(1);
    expect(again['xl/worksheets/sheet1.xml'].match(/<row /g)).toHaveLength(2);
    const e4 = /<comment ref="E4"[\s\S]*?<\/comment>/.exec(again['xl/comments/comment1.xml'])![0];
    expect(e4.match(/评分助手检查结果/g)).toHaveLength(1);
    expect(e4).toContain('佐证材料已补。');
    expect(e4).not.toContain('EVIDENCE_MISSING');
    // The formats of the first run are reused, not appended again.
    expect(xfs(again['xl/styles.xml'])).toHaveLength(xfs(out['xl/styles.xml']).length);
    expect(Object.keys(again).sort()).toEqual(Object.keys(out).sort());
  });
});

describe('a workbook whose structure is protected (no sheet may be added)', () => {
  const before = fixtureParts({ commentsPath: 'xl/comments/comment1.xml', structureLocked: true });
  const skipped: string[] = [];
  const out = unzip(annotatePackage(zipParts(before), { ...request(), onIssueSheetSkipped: (why) => skipped.push(why) }));

  test('gets its marks and notes but no 问题清单: workbook.xml, its rels and the content types untouched', () => {
    expect(skipped).toEqual(['structure-locked']);
    expect(out['xl/workbook.xml']).toBe(before['xl/workbook.xml']);
    expect(out['xl/_rels/workbook.xml.rels']).toBe(before['xl/_rels/workbook.xml.rels']);
    expect(Object.keys(out).sort()).toEqual(Object.keys(before).sort());
    expect(sOf(out[MARKED_SHEET], 'E4')).not.toBe(sOf(before[MARKED_SHEET], 'E4'));
    expect(out['xl/comments/comment1.xml']).toContain('SCORE_ABOVE_MAX');
  });

  test('a workbook protected without the structure lock still gets 问题清单', () => {
    const told: string[] = [];
    const copy = unzip(annotatePackage(zipParts(fixtureParts({ commentsPath: 'xl/comments/comment1.xml' })), { ...request(), onIssueSheetSkipped: (w) => told.push(w) }));
    expect(told).toEqual([]);
    expect(copy['xl/workbook.xml']).toContain('name="问题清单"');
    expect(copy['xl/workbook.xml']).toContain('lockWindows="1"');
  });
});

describe('a sheet without notes, as openpyxl and ExcelJS write one', () => {
  const SHEET = 'xl/worksheets/sheet1.xml';
  const before = fixtureParts({ noNotes: true, sheetPart: SHEET, allRefs: true });
  const out = unzip(annotatePackage(zipParts(before), request()));

  test('comments part, VML drawing, their rels, content types and <legacyDrawing> are created', () => {
    expect(out['xl/comments1.xml']).toContain('<author>评分助手</author>');
    expect(out['xl/drawings/vmlDrawing1.vml']).toContain('_x0000_t202');
    const rels = out['xl/worksheets/_rels/sheet1.xml.rels'];
    expect(rels).toContain('Target="../comments1.xml"');
    expect(rels).toContain('Target="../drawings/vmlDrawing1.vml"');
    expect(out['[Content_Types].xml']).toContain('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    expect(out['[Content_Types].xml']).toContain('<Override PartName="/xl/comments1.xml"');
    // CT_Worksheet order: after <drawing>, before <tableParts>.
    expect(out[SHEET]).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId\d+"\/><tableParts/);
    const id = /<legacyDrawing r:id="(rId\d+)"/.exec(out[SHEET])![1];
    expect(rels).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"`);
    for (const [name, text] of Object.entries(out)) if (!name.endsWith('.vml')) wellFormed(name, text);
  });

  test('ExcelJS reopens the copy: fills, notes, the 10.5 pt font and 问题清单', async () => {
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(zipParts(before)) as unknown as ExcelJS.Buffer); // it reads the original too
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(zipParts(out)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('自评表')!;
    const fg = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fg('E4')).toBe(MARK_FILL_ARGB.error);
    expect(fg('F6')).toBe(MARK_FILL_ARGB.warning);
    expect(fg('G12')).toBe(MARK_FILL_ARGB.error);
    expect(fg('E3')).toBeUndefined();
    // ExcelJS itself reads sz 10.5 as 10 (the file says 10.5: see the styles test above), so only the face is checked here.
    expect(ws.getCell('E4').font?.name).toBe('宋体');
    expect(ws.getCell('E4').numFmt).toBe('0.0"分"');
    const note = ws.getCell('E4').note as ExcelJS.Comment;
    expect(note.texts!.map((t) => t.text).join('')).toContain('SCORE_ABOVE_MAX');
    const list = wb.getWorksheet('问题清单')!;
    const rows = list.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1, 5));
    // (ExcelJS does not read in-workbook links; the <hyperlink location> test above covers them.)
    expect(rows).toContainEqual(['错误', 'E4', '1.1', '自评得分 7 超过满分 5。']);
    expect(rows).toHaveLength(FINDINGS.length);
  });
});

test('a header/footer picture drawing (legacyDrawingHF, also VML) is left alone; the notes get their own', () => {
  const parts = fixtureParts({ noNotes: true });
  const hf = '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="LH" o:spid="_x0000_s2049" type="#_x0000_t75"><v:imagedata o:relid="rId1"/></v:shape></xml>';
  parts['xl/drawings/vmlDrawingHF1.vml'] = hf;
  parts[MARKED_SHEET] = parts[MARKED_SHEET].replace('<tableParts', '<legacyDrawingHF r:id="rId9"/><tableParts');
  parts['xl/worksheets/_rels/data.xml.rels'] = parts['xl/worksheets/_rels/data.xml.rels'].replace(
    '</Relationships>',
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawingHF1.vml"/></Relationships>',
  );
  const out = unzip(annotatePackage(zipParts(parts), request()));
  expect(out['xl/drawings/vmlDrawingHF1.vml']).toBe(hf);
  expect(out['xl/drawings/vmlDrawing1.vml']).toContain('ObjectType="Note"');
  expect(out[MARKED_SHEET]).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId\d+"\/><legacyDrawingHF r:id="rId9"\/>/);
});

describe('what the patcher refuses', () => {
  test('a strict OOXML workbook is refused by name', () => {
    const parts = fixtureParts({ noNotes: true });
    parts['xl/workbook.xml'] = parts['xl/workbook.xml'].replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main');
    expect(() => annotatePackage(zipParts(parts), request())).toThrow(expect.objectContaining({ problem: 'strict' }));
  });

  test('a sheet that is not there, bytes that are not a zip, a damaged part: AnnotateError, never another error', () => {
    expect(() => annotatePackage(fixtureWorkbook(), { ...request(), sheet: '没有' })).toThrow(expect.objectContaining({ problem: 'no-sheet' }));
    expect(() => annotatePackage(new Uint8Array([1, 2, 3]), request())).toThrow(expect.objectContaining({ problem: 'not-xlsx' }));
    const parts = fixtureParts();
    parts[MARKED_SHEET] = parts[MARKED_SHEET].replace('</sheetData>', '');
    expect(() => annotatePackage(zipParts(parts), request())).toThrow(AnnotateError);
  });
});

describe('the bundled example', () => {
  test('its 10.5 pt fonts, every untouched part and every original format survive', () => {
    const bytes = readFileSync(join(__dirname, '..', '..', 'examples', '江苏路街道-2023-自评表.xlsx'));
    const was = unzip(bytes);
    const sheetName = /<sheet [^>]*name="([^"]+)"/.exec(was['xl/workbook.xml'])![1];
    const marks = [finding('F5', 'error', 'X', '超过满分'), finding('H9', 'warning', 'Y', '缺佐证')].map((f) => ({ ...f, sheet: sheetName }));
    const out = unzip(annotatePackage(bytes, { ...request(marks), sheet: sheetName }));
    expect(was['xl/styles.xml']).toMatch(/<sz val="10.5"\/>/);
    const fontsOf = (s: string) => /<fonts[^>]*>[\s\S]*?<\/fonts>/.exec(s)![0].match(/<font>[\s\S]*?<\/font>/g)!;
    expect(fontsOf(out['xl/styles.xml']).slice(0, fontsOf(was['xl/styles.xml']).length)).toEqual(fontsOf(was['xl/styles.xml']));
    expect(xfs(out['xl/styles.xml']).slice(0, xfs(was['xl/styles.xml']).length)).toEqual(xfs(was['xl/styles.xml']));
    for (const name of Object.keys(was)) {
      if (!/styles|workbook\.xml|Content_Types|worksheets\/sheet\d\.xml$|_rels\/sheet\d\.xml\.rels$/.test(name)) expect([name, out[name]]).toEqual([name, was[name]]);
    }
  });
});
