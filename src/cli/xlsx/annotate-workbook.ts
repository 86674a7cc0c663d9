/**
 * The annotated copy `--out-dir` writes: the input's package patched by src/xlsx/annotate (each problem
 * cell filled by its worst severity, a note listing its findings, and a 「问题清单」 sheet). The input is
 * never written: not by path, not through a link (same device and inode), and the copy appears only
 * whole (written beside its final name, then renamed).
 */
import { existsSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { annotatePackage, type CellMark } from '../../xlsx/annotate/annotate-package';
import { MARK_FILL_ARGB } from '../../xlsx/annotate/styles-patch';
import { issueListRows } from '../../engine/validate/issue-list';
import type { Finding, Severity } from '../../engine/validate/finding';
import type { CliLang } from './read-errors';
import { noteHeading, noteLine } from '../../engine/validate/note-text';

/** ARGB of each severity's fill in the copy. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = MARK_FILL_ARGB;

/** Why a copy was not written; zh carries the English after it, as every CLI message does. */
export class CopyError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'CopyError';
  }

  localized(lang: CliLang): string {
    return lang === 'en' ? this.en : `${this.zh}\n${this.en}`;
  }
}

/** `<name>.checked.xlsx` inside outDir. */
export function annotatedName(file: string, outDir: string): string {
  return join(outDir, `${basename(file, extname(file))}.checked.xlsx`);
}

const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));

/** Same file: the same path after links, or the same device and inode (a hard link to the input). */
function sameFile(a: string, b: string): boolean {
  if (real(a) === real(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Where the copy goes. Throws CopyError when that path is the input itself (by any link), a directory,
 * or an existing file and `force` is not set.
 */
export function annotatedPath(file: string, outDir: string, taken: Set<string>, force = false): string {
  let out = annotatedName(file, outDir);
  // Two inputs with the same name from different folders must not overwrite each other's copy.
  for (let n = 2; taken.has(resolve(out)); n++) out = join(outDir, `${basename(file, extname(file))}.checked-${n}.xlsx`);
  if (existsSync(out) && sameFile(out, file)) {
    throw new CopyError(`${out} 就是输入文件本身（同一文件或其链接），不会覆盖。`, `${out} is the input file itself (the same file or a link to it); it is never overwritten.`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) throw new CopyError(`${out} 是一个文件夹，无法写出副本。`, `${out} is a folder; the copy cannot be written there.`);
  if (existsSync(out) && !force) {
    throw new CopyError(`${out} 已存在，未覆盖。请换一个文件夹，或加 --force 覆盖。`, `${out} already exists and was not overwritten; choose another folder or pass --force.`);
  }
  taken.add(resolve(out));
  return out;
}

const localeOf = (lang: CliLang) => (lang === 'en' ? 'en' : 'zh-CN');

const markFor = (f: Finding, lang: CliLang): CellMark => ({ cell: f.cell, severity: f.severity, note: noteLine(f, localeOf(lang)) });

/** Marks `findings` on `sheetName` in a copy of `bytes` and returns the copy's bytes (AnnotateError when it cannot). */
export function annotateWorkbook(bytes: Uint8Array, sheetName: string, findings: readonly Finding[], lang: CliLang, onIssueSheetSkipped?: () => void): Uint8Array {
  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const onSheet = findings.filter((f) => f.sheet === undefined || f.sheet === sheetName);
  return annotatePackage(bytes, {
    sheet: sheetName,
    marks: onSheet.map((f) => markFor(f, lang)),
    noteHeading: noteHeading(locale),
    issues: issueListRows(onSheet.map((f) => ({ ...f, sheet: sheetName })), locale),
    onIssueSheetSkipped,
    locale,
  });
}

/** Writes `data` to `out` whole or not at all: a temporary file in the same folder, then a rename. */
export function writeWhole(out: string, data: Uint8Array): void {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, out);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new CopyError(`无法写入 ${out}（${code}）。请确认文件夹存在且有写入权限。`, `Cannot write ${out} (${code}). Check that the folder exists and may be written to.`);
  }
}

/** Writes the copy; returns a note for the person when 问题清单 could not be added (a structure-protected workbook). */
export function writeAnnotatedCopy(bytes: Uint8Array, sheetName: string, findings: readonly Finding[], out: string, lang: CliLang): string | undefined {
  let note: string | undefined;
  const skipped = () => {
    note =
      lang === 'en'
        ? 'The workbook structure is protected, so no 问题清单 sheet was added; each problem is in its cell\'s note and in this report.'
        : '工作簿结构受保护，未添加「问题清单」工作表；每个问题都在单元格的备注和本报告中。';
  };
  writeWhole(out, annotateWorkbook(bytes, sheetName, findings, lang, skipped));
  return note;
}
