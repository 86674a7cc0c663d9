/**
 * The playground page's own words (the pane's are the pane's, the engine's are in src/engine/messages):
 * zh-CN first, English beside it with the same keys and placeholders.
 */
import type { Locale } from '../engine/messages';

const zhCN = {
  title: '评分助手 · 浏览器试用',
  subtitle: '在浏览器中打开自评表，一键校验。文件只在本机浏览器中处理，不会上传。',
  open: '打开工作簿（.xlsx）…',
  loadSample: '加载示例',
  download: '下载已标注的工作簿',
  sheets: '工作表',
  'status.loading': '正在读取“{file}”…',
  'status.loaded': '已打开“{file}”（{sheets} 个工作表）。',
  'status.sampleLoaded': '已加载示例“{file}”。点任务窗格中的「一键校验」试试。',
  'status.templateLoaded': '示例工作簿暂不可用，已放入一张空白自评表（{sheet}）。',
  'status.downloaded': '已生成“{file}”。',
  'error.sample': '无法加载示例工作簿（{detail}）。请点“打开工作簿”选择一个 .xlsx 文件。',
  'error.read': '无法读取“{file}”：{detail}',
  'error.download': '无法生成下载文件（{detail}）。工作簿没有改动，请重试。',
  'warn.truncated': '工作表“{sheets}”内容过多，只读入了前 {rows} 行 × {cols} 列。',
  'warn.valuesOnly': '已打开 {file}：网页无法显示这个文件的颜色、备注和列宽，只读入了数值和公式；校验不受影响，下载的副本仍保留原文件的全部格式。',
  'grid.label': '工作表“{sheet}”',
  'grid.corner': '行号与列标',
  'grid.truncated': '只显示前 {rows} 行。',
  'host.badFormula': '公式“{formula}”无法解析，未写入。请检查括号是否成对、参数之间是否用英文逗号分隔。',
  'host.protected':
    '工作表“{sheet}”受保护，不能在其中标记或写入。请在 Excel 中「审阅」→「撤消工作表保护」，保存后重新打开。',
  'host.sheetMissing': '工作簿中没有名为“{sheet}”的工作表。请重新校验。',
  'host.badAddress': '“{address}”不是有效的单元格地址（应形如 E14）。',
  'annotatedSuffix': '（已标注）',
  downloadPlain: '下载工作簿',
  'grid.editor': '编辑单元格 {cell}',
  'status.opening': '正在打开工作簿，请稍候…',
  'status.edited': '已修改 {cell}。改完后请再点「一键校验」，问题清单才会更新。',
  'status.editRefused': '{cell} 未修改：{detail}',
  'status.validated': '{verdict}。问题已在表格中标出，并列在右侧任务窗格中。',
  'status.validatedClean': '{verdict}。',
  'status.cleared': '已清除 {count} 个单元格的标记。',
  'status.reading': '正在读取“{file}”…（{step}）',
  'status.cancelled': '已取消读取“{file}”，工作簿没有改动。',
  'progress.check': '检查文件大小 {percent}%',
  'progress.parse': '解析工作簿',
  'progress.sheets': '整理工作表 {done}/{total}',
  'progress.label': '读取进度',
  cancel: '取消',
  'cancel.hint': '停止读取（也可按 Esc），当前工作簿保持不变',
} as const;

export type PlaygroundMessageKey = keyof typeof zhCN;

const en: { readonly [K in PlaygroundMessageKey]: string } = {
  title: 'Rubric Check · browser playground',
  subtitle: 'Open a self-assessment workbook in the browser and validate it in one click. The file stays in this browser; nothing is uploaded.',
  open: 'Open workbook (.xlsx)…',
  loadSample: 'Load the example',
  download: 'Download the annotated workbook',
  sheets: 'Worksheets',
  'status.loading': 'Reading "{file}"…',
  'status.loaded': 'Opened "{file}" ({sheets} worksheets).',
  'status.sampleLoaded': 'Loaded the example "{file}". Try 一键校验 (Validate) in the task pane.',
  'status.templateLoaded': 'The example workbook is not available; a blank self-assessment sheet ({sheet}) was put in instead.',
  'status.downloaded': 'Created "{file}".',
  'error.sample': 'Could not load the example workbook ({detail}). Use "Open workbook" to choose an .xlsx file.',
  'error.read': 'Could not read "{file}": {detail}',
  'error.download': 'Could not create the download ({detail}). The workbook is unchanged; please try again.',
  'warn.truncated': 'Worksheet(s) "{sheets}" hold too much; only the first {rows} rows × {cols} columns were read.',
  'warn.valuesOnly': 'Opened {file}: the page cannot show this file\'s fills, notes and column widths, so only values and formulas were read. Checking is not affected, and a downloaded copy keeps all of the original formatting.',
  'grid.label': 'Worksheet "{sheet}"',
  'grid.corner': 'Row numbers and column letters',
  'grid.truncated': 'Only the first {rows} rows are shown.',
  'host.badFormula': 'The formula "{formula}" cannot be parsed and was not written. Check that brackets pair up and arguments are separated by commas.',
  'host.protected':
    'Sheet "{sheet}" is protected, so nothing can be marked or written in it. In Excel use Review → Unprotect Sheet, save, and open it again.',
  'host.sheetMissing': 'The workbook has no worksheet named "{sheet}". Please validate again.',
  'host.badAddress': '"{address}" is not a valid cell address (it should look like E14).',
  'annotatedSuffix': ' (annotated)',
  downloadPlain: 'Download the workbook',
  'grid.editor': 'Edit cell {cell}',
  'status.opening': 'Opening the workbook, please wait…',
  'status.edited': 'Changed {cell}. Click Check sheet again when you are done, so the list of problems is updated.',
  'status.editRefused': '{cell} was not changed: {detail}',
  'status.validated': '{verdict}. The problems are marked in the grid and listed in the task pane.',
  'status.validatedClean': '{verdict}.',
  'status.cleared': 'Cleared the marks on {count} cell(s).',
  'status.reading': 'Reading "{file}"… ({step})',
  'status.cancelled': 'Stopped reading "{file}"; the workbook is unchanged.',
  'progress.check': 'checking sizes {percent}%',
  'progress.parse': 'parsing the workbook',
  'progress.sheets': 'preparing worksheets {done}/{total}',
  'progress.label': 'Reading progress',
  cancel: 'Cancel',
  'cancel.hint': 'Stop reading (or press Esc); the current workbook stays as it is',
};

const catalogues: Readonly<Record<Locale, { readonly [K in PlaygroundMessageKey]: string }>> = { 'zh-CN': zhCN, en };

export const playgroundCatalogues = catalogues;

export function pgText(key: PlaygroundMessageKey, params: Readonly<Record<string, string | number>> = {}, locale: Locale = 'zh-CN'): string {
  return (catalogues[locale] ?? zhCN)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
