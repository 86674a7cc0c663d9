/**
 * Hostile workbooks for the read-limit tests, built in memory by streaming (fflate's Zip), never holding
 * the inflated XML: a sheet of rows repeated until it inflates to `inflatedMb` — the issue's file that
 * inflates to 1.2 GB is `inflatingXlsx(1200)`, though building it takes ~40 s here — optionally with the
 * zip directory lying that the sheet is 1 KB, so only counting the inflated bytes can stop it. With
 * `refs`, every row and cell carries its address (ExcelJS needs them; each unit of 1,024 rows is then
 * ~1.7 MB): a large workbook that is valid.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';

const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** ~1 MB of rows, 64 cells each. */
const BLOCK = `<row>${'<c><v>0</v></c>'.repeat(64)}</row>`.repeat(1024);

export const BOMB_SHEET = 'xl/worksheets/sheet1.xml';

export function inflatingXlsx(inflatedMb: number, { lie = false, refs = false, sheetName = '大表' } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const small = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  small(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  small('_rels/.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  small('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  small('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  const sheet = new ZipDeflate(BOMB_SHEET, { level: 9 });
  zip.add(sheet);
  sheet.push(strToU8(`<worksheet xmlns="${MAIN}"><sheetData>`));
  const block = strToU8(BLOCK);
  for (let i = 0; i < inflatedMb; i++) sheet.push(refs ? strToU8(addressedRows(i * 1024 + 1, 1024)) : block);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return lie ? declareSize(bytes, BOMB_SHEET, 1024) : bytes;
}

const COLS = Array.from({ length: 64 }, (_, c) => (c >= 26 ? String.fromCharCode(64 + Math.floor(c / 26)) : '') + String.fromCharCode(65 + (c % 26)));

/** `count` rows from row `from`, 64 numbers each, every row and cell with its address. */
function addressedRows(from: number, count: number): string {
  const out: string[] = [];
  for (let r = from; r < from + count; r++) out.push(`<row r="${r}">${COLS.map((c, i) => `<c r="${c}${r}"><v>${(r * 64 + i) % 997}</v></c>`).join('')}</row>`);
  return out.join('');
}

/** Sets the inflated size the central directory declares for `part`. */
export function declareSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  const name = strToU8(part);
  for (let p = out.length - 22; p >= 0; p--) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    const len = dv.getUint16(p + 28, true);
    if (len === name.length && name.every((b, i) => out[p + 46 + i] === b)) {
      dv.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`no ${part} in the zip directory`);
}
