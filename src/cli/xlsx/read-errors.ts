import type { LimitName } from '../../xlsx/read-limits';

/**
 * Why a workbook could not be checked, in Chinese first and English after: the CLI prints one of these
 * for the file (exit 2) and goes on with the others — never a stack trace.
 */

export type ReadProblem =
  | 'missing'
  | 'unreadable'
  | 'not-xlsx'
  | 'encrypted'
  | 'old-xls'
  | 'corrupt'
  | 'no-sheets'
  | 'no-such-sheet'
  | 'too-large'
  | 'limit'
  | 'unsupported'
  | 'no-table'
  | 'internal';

export type CliLang = 'zh' | 'en';

export class WorkbookReadError extends Error {
  constructor(
    readonly problem: ReadProblem,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'WorkbookReadError';
  }

  /** zh: the Chinese message with the English after it; en: English only. */
  localized(lang: CliLang): string {
    return lang === 'en' ? this.en : `${this.zh}\n${this.en}`;
  }
}

/** What each read limit counts, as the messages name it. */
const LIMIT_NAMES: Readonly<Record<LimitName, { zh: string; en: string; bytes?: boolean }>> = {
  partBytes: { zh: '单个部件解压后的大小', en: 'inflated size of one part', bytes: true },
  totalBytes: { zh: '所读部件解压后的总大小', en: 'total inflated size of the parts read', bytes: true },
  entries: { zh: '压缩包中的条目数', en: 'number of entries in the zip' },
  sharedStrings: { zh: '共享字符串的个数', en: 'number of shared strings' },
  sharedStringChars: { zh: '共享字符串的总字数', en: 'characters in the shared strings' },
  cells: { zh: '单元格的个数', en: 'number of cells' },
};

const amount = (n: number, bytes?: boolean) => (bytes ? `${Math.ceil(n / 1024 / 1024)} MB` : String(n));

const fail = (problem: ReadProblem, zh: string, en: string) => new WorkbookReadError(problem, zh, en);

export const readErrors = {
  missing: (file: string) =>
    fail('missing', `找不到文件 ${file}。请检查文件名和路径是否正确。`, `File not found: ${file}. Check the name and path.`),
  unreadable: (file: string, why: string, whyEn: string = why) =>
    fail('unreadable', `无法读取文件 ${file}（${why}）。请确认这是一个文件且有读取权限。`, `Cannot read ${file} (${whyEn}). Check that it is a file you may read.`),
  notXlsx: (file: string) =>
    fail(
      'not-xlsx',
      `${file} 不是 Excel 工作簿（.xlsx）。文件内容不是 xlsx 格式，可能只是改了扩展名。请在 Excel 中打开原表格，另存为“Excel 工作簿 (*.xlsx)”后再检查。`,
      `${file} is not an Excel workbook (.xlsx); its content is not in xlsx format (perhaps only the extension was changed). Open the original in Excel and save it as "Excel Workbook (*.xlsx)".`,
    ),
  encrypted: (file: string) =>
    fail(
      'encrypted',
      `${file} 设有打开密码（已加密），无法读取。请在 Excel 中打开，点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后另存为 .xlsx 再检查。`,
      `${file} is password-protected (encrypted) and cannot be read. In Excel use File → Info → Protect Workbook → Encrypt with Password, clear the password, and save it as .xlsx again.`,
    ),
  oldXls: (file: string) =>
    fail(
      'old-xls',
      `${file} 是旧版 Excel 97-2003 文件（.xls）或设有打开密码。请在 Excel 中打开，另存为“Excel 工作簿 (*.xlsx)”（不设密码）后再检查。`,
      `${file} is an old Excel 97-2003 file (.xls) or is password-protected. Open it in Excel and save it as "Excel Workbook (*.xlsx)" without a password.`,
    ),
  csvBroken: (file: string, detail: string) =>
    fail(
      'corrupt',
      `${file} 是 CSV 文本文件，但内容无法按 CSV 读取（${detail}）。通常是某处引号没有成对。请在 Excel 中打开原表格，另存为“Excel 工作簿 (*.xlsx)”后再检查。`,
      `${file} is a CSV text file, but it cannot be read as CSV (${detail}); usually a quote is left unclosed. Open the original in Excel and save it as "Excel Workbook (*.xlsx)".`,
    ),
  /** Said with a CSV's no-table message: a CSV keeps values only, so an .xlsx is the safer thing to send. */
  csvHint: {
    zh: '（这是 CSV 文件，只保存了单元格的值。建议在 Excel 中打开原表格，点“文件 → 另存为”，选“Excel 工作簿 (*.xlsx)”后再检查。）',
    en: '(This is a CSV file, which keeps cell values only. Open the original in Excel, choose File → Save As → "Excel Workbook (*.xlsx)", and check that file.)',
  },
  csvNoCopy: (file: string) =>
    fail(
      'unreadable',
      `${file} 是 CSV 文件，不能写出标注副本（CSV 没有底色和批注）。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再用 --out-dir。`,
      `${file} is a CSV file; no annotated copy can be written (CSV has no fills or notes). Save it as "Excel Workbook (*.xlsx)" in Excel and use --out-dir on that.`,
    ),
  corrupt: (file: string, detail: string) =>
    fail(
      'corrupt',
      `${file} 已损坏或不完整（可能下载或复制时中断），无法读取。请重新获取原文件，或在 Excel 中打开修复后另存为 .xlsx。（${detail}）`,
      `${file} is damaged or incomplete (perhaps a download or copy was cut short) and cannot be read. Get the file again, or open and repair it in Excel and save it as .xlsx. (${detail})`,
    ),
  noSheets: (file: string) =>
    fail('no-sheets', `${file} 中没有任何工作表。请确认选对了文件。`, `${file} has no worksheets. Check that this is the right file.`),
  noSuchSheet: (file: string, sheet: string, names: string[]) =>
    fail(
      'no-such-sheet',
      `${file} 中没有名为“${sheet}”的工作表。现有工作表：${names.join('、')}。请用 --sheet 指定其中之一，或不指定由程序自动查找。`,
      `${file} has no worksheet named "${sheet}". Its sheets: ${names.join(', ')}. Pass one of them to --sheet, or leave --sheet out to search automatically.`,
    ),
  tooLarge: (file: string, sheet: string, rows: number, cols: number, maxRows: number, maxCols: number) =>
    fail(
      'too-large',
      `${file} 的工作表“${sheet}”过大（有内容的区域达 ${rows} 行 × ${cols} 列，上限为 ${maxRows} 行 × ${maxCols} 列），不像自评表。请把自评表单独放在一个工作表中，或删除多余的行列后再检查。`,
      `Worksheet "${sheet}" in ${file} is too large (content reaches ${rows} rows × ${cols} columns; the limit is ${maxRows} × ${maxCols}) to be a self-assessment sheet. Keep the self-assessment on a sheet of its own, or delete the extra rows and columns.`,
    ),
  fileTooLarge: (file: string, megabytes: number, limit: number) =>
    fail(
      'too-large',
      `${file} 有 ${megabytes} MB，超过 ${limit} MB 的上限，不像自评表。请删除工作簿中多余的图片和工作表，或把自评表复制到新工作簿后再检查。`,
      `${file} is ${megabytes} MB, over the ${limit} MB limit for a self-assessment workbook. Remove extra pictures and sheets, or copy the self-assessment into a new workbook.`,
    ),
  /** A read limit (src/xlsx/read-limits.ts) was passed: the file is refused before it can exhaust memory. */
  limit: (file: string, limit: LimitName, actual: number, max: number, part?: string) => {
    const what = LIMIT_NAMES[limit];
    const where = part ? `（${part}）` : '';
    const whereEn = part ? ` (${part})` : '';
    return fail(
      'limit',
      `${file} 超出读取上限：${what.zh}至少为 ${amount(actual, what.bytes)}${where}，上限为 ${amount(max, what.bytes)}，不像自评表，未读取。请把自评表复制到新工作簿（只保留需要的工作表）后再检查。`,
      `${file} exceeds a read limit: the ${what.en} is at least ${amount(actual, what.bytes)}${whereEn}, over the limit of ${amount(max, what.bytes)}, so it is not read as a self-assessment workbook. Copy the self-assessment into a new workbook (only the sheets it needs) and check that.`,
    );
  },
  /** A valid kind of workbook this tool does not read (binary .xlsb, …): not damage. */
  unsupported: (file: string, what: string, whatEn: string) =>
    fail(
      'unsupported',
      `${file} 是${what}，本工具无法读取（文件本身没有损坏）。请在 Excel 中打开，另存为“Excel 工作簿 (*.xlsx)”后再检查。`,
      `${file} is ${whatEn}, which this tool does not read (the file itself is not damaged). Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
    ),
  internal: (file: string, detail: string) =>
    fail(
      'internal',
      `检查 ${file} 时程序内部出错（${detail}）。这是本工具的问题，不是表格的问题；请把该文件和这条信息发给维护人员。`,
      `Internal error while checking ${file} (${detail}). This is a fault in the tool, not in the workbook; please send the file and this message to the maintainers.`,
    ),
  noTable: (file: string, detailsZh: string[], detailsEn: string[]) =>
    fail(
      'no-table',
      `${file} 中没有找到自评表。\n${detailsZh.map((d) => `  ${d}`).join('\n')}`,
      `No self-assessment table found in ${file}.\n${detailsEn.map((d) => `  ${d}`).join('\n')}`,
    ),
};
