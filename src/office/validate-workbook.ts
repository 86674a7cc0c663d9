/**
 * The one validation flow the task pane, the ribbon and the playground share: read the active sheet,
 * validate it, mark the findings in place. Pure glue over WorkbookHost, so it runs on any host.
 */
import { TableNotFoundError } from '../engine/locate/locate-table';
import type { Locale } from '../engine/messages';
import type { Rubric } from '../engine/rubric-types';
import { validateSheet, type SheetCheck, type ValidationResult } from '../engine/validate/validate-sheet';
import { HostError, type WorkbookHost } from '../host/workbook-host';
import { exclusive } from '../host/workbook-lock';
import { marksFromFindings } from './marks';

export interface ValidateWorkbookOptions {
  locale?: Locale;
  extraChecks?: SheetCheck[];
}

/**
 * Throws HostError: 'no-table' (with the locator's own message) when the sheet holds no rubric table,
 * or whatever the host raises (protected sheet, Excel too old). Nothing is marked unless all went well.
 * Read and write run under the workbook lock, so a ribbon click and a pane click cannot interleave.
 */
export function validateWorkbook(host: WorkbookHost, rubric: Rubric, options: ValidateWorkbookOptions = {}): Promise<ValidationResult> {
  return exclusive(() => readValidateMark(host, rubric, options));
}

async function readValidateMark(host: WorkbookHost, rubric: Rubric, options: ValidateWorkbookOptions): Promise<ValidationResult> {
  const locale = options.locale ?? 'zh-CN';
  const sheet = await host.readActiveSheet();
  let result: ValidationResult;
  try {
    result = validateSheet(sheet, rubric, { locale, extraChecks: options.extraChecks });
  } catch (err) {
    if (err instanceof TableNotFoundError) throw new HostError('no-table', err.localized(locale));
    throw err;
  }
  await host.writeMarks(sheet.name, marksFromFindings(result.findings, locale, sheet), result.findings);
  return result;
}
