/**
 * What the Excel adapter tells a person when it cannot do something: which sheet, why, and what to do.
 * The adapter's own messages (the engine's are in src/engine/messages); zh-CN first, English beside it.
 */
import type { Locale } from '../engine/messages';

const zhCN = {
  protected: '工作表“{sheet}”受保护，评分助手无法在其中标记问题。请先在「审阅」→「撤消工作表保护」后再试；校验从不修改任何数值或公式。',
  protectedRestore: '工作表“{sheet}”受保护，无法清除评分助手的标记。请先在「审阅」→「撤消工作表保护」后再点「清除标记」。',
  unsupported: '当前 Excel 版本太旧，不支持{feature}（需要 ExcelApi {version}，{excel}具备）。',
  markFailed: 'Excel 未能写入标记（{detail}）。已撤回本次写入的标记，工作表保持原样。请稍后重试。',
  clearFailed: 'Excel 未能清除全部标记（{detail}）。标记记录仍保存在工作簿中，可稍后再点「清除标记」重试。',
  annotationApiMissing:
    '此前评分助手在 {count} 个单元格（{cells}）上用{kind}写下了说明，当前 Excel 不支持{kind}（需要 ExcelApi {version}），无法移除或替换它们。工作表未作任何修改。请在支持{kind}的 Excel（{where}）中打开本工作簿并点「清除标记」，之后即可在此重新校验。',
  'kind.note': '备注',
  'kind.comment': '批注',
  'where.note': 'Microsoft 365 Windows 版本 2501 及以后、Mac 16.93 及以后或 Excel 网页版',
  'where.comment': 'Excel 2021 及以后、Microsoft 365 或 Excel 网页版',
  readFailed: '无法读取当前工作表（{detail}）。请确认没有单元格正在编辑（按 Esc 退出编辑），然后重试。',
  sheetMissing: '找不到工作表“{sheet}”，它可能已被删除或重命名。请重新校验。',
  cellOutside: '单元格 {cell} 不是有效的单元格地址。',
  'feature.read': '读取工作表',
  'feature.template': '插入评分表',
  'feature.compare': '插入汇总表和排名图',
  'feature.selection': '读取所选单元格',
  'feature.stamp': '读取和写入提交标记（文档属性）',
  'feature.record': '在工作簿中记录标记前的原样（用于「清除标记」）',
  'excel.all': 'Excel 2016 及以后的所有版本',
  'excel.2019': 'Excel 2019、Excel 2021 及以后、Microsoft 365 和 Excel 网页版',
  'excel.2021': 'Excel 2021 及以后、Microsoft 365 和 Excel 网页版',
  'excel.2024': 'Excel 2024、Microsoft 365 和 Excel 网页版',
  hiddenUnknown:
    '当前 Excel 只支持 ExcelApi 1.1，读不出哪些行和列被隐藏：本次校验把隐藏的行和列当作可见的处理（隐藏的旧得分行也会参与校验）。需要区分隐藏行请使用支持 ExcelApi 1.2 的 Excel（Excel 2019 及以后）。',
  issueListFailed:
    '无法插入或更新「问题清单」工作表（{detail}），可能是工作簿结构受保护（「审阅」→「保护工作簿」）。有问题的单元格已标颜色，每个问题的说明请看任务窗格中的列表；「清除标记」仍会恢复这些单元格。',
  issueListInstead:
    '当前 Excel 不支持备注和批注（需要 ExcelApi 1.10），有问题的单元格只标颜色，每个问题的说明写在工作表“{sheet}”中（点单元格地址可跳转）。「清除标记」会删除该工作表。',
} as const;

export type HostMessageKey = keyof typeof zhCN;

const en: { readonly [K in HostMessageKey]: string } = {
  protected:
    'Sheet "{sheet}" is protected, so Rubric Check cannot mark problems in it. Unprotect it (Review → Unprotect Sheet) and try again; validation never changes a value or formula.',
  protectedRestore: 'Sheet "{sheet}" is protected, so its Rubric Check marks cannot be cleared. Unprotect it (Review → Unprotect Sheet) and click Clear marks again.',
  unsupported:
    'This version of Excel is too old for {feature} (needs ExcelApi {version}, which {excel} have).',
  markFailed: 'Excel could not write the marks ({detail}). The marks written so far were taken back; the sheet is as it was. Please try again.',
  clearFailed: 'Excel could not clear every mark ({detail}). The record of the marks is still in the workbook; click Clear marks again later.',
  annotationApiMissing:
    'Rubric Check earlier wrote its messages on {count} cell(s) ({cells}) as {kind}, which this Excel does not support (needs ExcelApi {version}), so they cannot be removed or replaced. Nothing was changed. Open the workbook in an Excel that supports {kind} ({where}) and click Clear marks; then validate here again.',
  'kind.note': 'notes',
  'kind.comment': 'comments',
  'where.note': 'Microsoft 365 for Windows 2501 or later, Mac 16.93 or later, or Excel on the web',
  'where.comment': 'Excel 2021 or later, Microsoft 365 or Excel on the web',
  readFailed: 'Could not read the active sheet ({detail}). Make sure no cell is being edited (press Esc) and try again.',
  sheetMissing: 'Sheet "{sheet}" was not found; it may have been deleted or renamed. Please validate again.',
  cellOutside: '{cell} is not a valid cell address.',
  'feature.read': 'reading the sheet',
  'feature.template': 'inserting the scoring sheet',
  'feature.compare': 'inserting the summary sheets and ranking chart',
  'feature.selection': 'reading the selected cell',
  'feature.stamp': 'reading and writing the submission stamp (document properties)',
  'feature.record': 'keeping a record of the cells before marking (for Clear marks)',
  'excel.all': 'all versions from Excel 2016',
  'excel.2019': 'Excel 2019, Excel 2021 and later, Microsoft 365 and Excel on the web',
  'excel.2021': 'Excel 2021 and later, Microsoft 365 and Excel on the web',
  'excel.2024': 'Excel 2024, Microsoft 365 and Excel on the web',
  hiddenUnknown:
    'This Excel supports only ExcelApi 1.1 and cannot tell which rows and columns are hidden, so this validation treated hidden rows and columns as visible (a hidden old score row is checked too). To tell hidden rows apart, use an Excel with ExcelApi 1.2 (Excel 2019 or later).',
  issueListFailed:
    'Could not add or update the 问题清单 sheet ({detail}); the workbook structure may be protected (Review → Protect Workbook). The problem cells are coloured and each message is in the task pane\'s list; Clear marks still restores those cells.',
  issueListInstead:
    'This Excel supports neither notes nor comments (needs ExcelApi 1.10), so cells with problems are only coloured and each message is listed on the sheet "{sheet}" (click a cell address to go there). Clear marks deletes that sheet.',
};

const catalogues: Readonly<Record<Locale, { readonly [K in HostMessageKey]: string }>> = { 'zh-CN': zhCN, en };

/** Both catalogues, for the wording tests. */
export const hostCatalogues = catalogues;

export function hostText(key: HostMessageKey, params: Readonly<Record<string, string | number>> = {}, locale: Locale = 'zh-CN'): string {
  return (catalogues[locale] ?? zhCN)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
