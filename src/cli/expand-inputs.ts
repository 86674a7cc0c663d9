/**
 * What `validate` was given, as the files to check: a file stays itself; a folder stands for the
 * .xlsx files directly inside it, sorted by name (the district keeps one folder of the ten sheets).
 * Excel's lock files (~$…) are not workbooks and are left out.
 */
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import type { CliLang } from './xlsx/read-errors';

export interface ExpandedInputs {
  files: string[];
  /** A folder with no .xlsx file in it, worded for the person. */
  problems: string[];
}

const isWorkbookName = (name: string): boolean => /\.xlsx$/i.test(name) && !name.startsWith('~$');

const collator = new Intl.Collator('zh-CN', { numeric: true });

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // A path that cannot be read stays a "file": checking it then says why, in that file's row.
    return false;
  }
}

export function expandInputs(inputs: readonly string[], lang: CliLang): ExpandedInputs {
  const files: string[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    if (!isFolder(input)) {
      files.push(input);
      continue;
    }
    const inside = readdirSync(input, { withFileTypes: true })
      .filter((e) => e.isFile() && isWorkbookName(e.name))
      .map((e) => e.name)
      .sort(collator.compare);
    if (inside.length === 0) {
      problems.push(
        lang === 'en'
          ? `The folder ${input} holds no .xlsx file. Put the self-assessment workbooks (.xlsx) in it, or name the files themselves.`
          : `文件夹 ${input} 中没有 .xlsx 文件。请把自评表（.xlsx）放入该文件夹，或直接指定文件。`,
      );
    }
    files.push(...inside.map((name) => join(input, name)));
  }
  return { files, problems };
}
