/**
 * The annotated copy `--out-dir` writes: the original bytes loaded again, each problem cell filled by
 * its worst severity and given a note listing its findings. The original file is never written.
 */
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import type ExcelJS from 'exceljs';
import { newWorkbook } from './exceljs';
import type { Finding, Severity } from '../../engine/validate/finding';
import type { CliLang } from './read-errors';
import { NOTE_AUTHOR, noteText } from '../../engine/validate/note-text';
import { signNotes } from '../../xlsx/note-author';

/** Excel's own "bad / neutral" styles, and a light blue for information. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** `<name>.checked.xlsx` inside outDir. */
export function annotatedName(file: string, outDir: string): string {
  return join(outDir, `${basename(file, extname(file))}.checked.xlsx`);
}

const samePath = (a: string, b: string): boolean => {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
};

/** Where the copy goes; throws when that path is the input itself or a directory. */
export function annotatedPath(file: string, outDir: string, taken: Set<string>): string {
  let out = annotatedName(file, outDir);
  // Two inputs with the same name from different folders must not overwrite each other's copy.
  for (let n = 2; taken.has(resolve(out)); n++) out = join(outDir, `${basename(file, extname(file))}.checked-${n}.xlsx`);
  if (samePath(out, file)) throw new Error(`refusing to overwrite the input ${file}`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new Error(`${out} is a directory`);
  taken.add(resolve(out));
  return out;
}

const noteFor = (findings: readonly Finding[], lang: CliLang): string => noteText(findings, lang === 'en' ? 'en' : 'zh-CN');

function existingNoteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Marks `findings` on `sheetName` in a copy of `bytes` and returns the copy's bytes. */
export async function annotateWorkbook(bytes: Buffer, sheetName: string, findings: readonly Finding[], lang: CliLang): Promise<Buffer> {
  const workbook = newWorkbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = workbook.getWorksheet(sheetName);
  if (!ws) throw new Error(`sheet ${sheetName} not found in the copy`);
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!/^[A-Z]{1,3}\d+$/.test(f.cell)) continue;
    // A finding inside a merged range is shown on the range's top-left cell, the one Excel displays.
    const at = ws.getCell(f.cell).master.address;
    byCell.set(at, [...(byCell.get(at) ?? []), f]);
  }
  for (const [address, list] of byCell) {
    const cell = ws.getCell(address);
    const worst = list.reduce<Severity>((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), 'info');
    // ExcelJS shares one style object among the cells loaded with the same format; a fresh object
    // keeps the fill on this cell instead of on every cell that looked like it.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[worst] } } };
    const before = existingNoteText(cell.note);
    const ours = noteFor(list, lang);
    cell.note = before ? `${before}\n\n${ours}` : ours;
  }
  return Buffer.from(signNotes(new Uint8Array(await workbook.xlsx.writeBuffer()), NOTE_AUTHOR));
}

export async function writeAnnotatedCopy(
  bytes: Buffer,
  sheetName: string,
  findings: readonly Finding[],
  out: string,
  lang: CliLang,
): Promise<void> {
  const copy = await annotateWorkbook(bytes, sheetName, findings, lang);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, copy);
}
