/**
 * A child process of the bench's reading section (bench-reading.ts): the playground's reader — the code its
 * read worker runs, src/playground/xlsx-read.ts, here over ExcelJS's Node build — on one file, printing
 * the outcome as JSON, so the parent measures its time and peak memory the way it does the CLI's.
 */
import { readFileSync } from 'fs';
import { WorkbookReadError } from '../src/cli/xlsx/read-errors';
import { readXlsx } from '../src/playground/xlsx-read';

async function main(file: string): Promise<void> {
  try {
    const { book } = await readXlsx(new Uint8Array(readFileSync(file)), file);
    process.stdout.write(JSON.stringify({ read: true, sheets: book.sheets.length }));
  } catch (err) {
    process.stdout.write(JSON.stringify({ error: err instanceof WorkbookReadError ? err.en : String(err) }));
  }
}

void main(process.argv[2]);
