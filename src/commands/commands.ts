/**
 * Ribbon commands. 「一键校验」 (ExecuteFunction) validates and marks the active sheet without opening
 * the pane; the marks and notes in the sheet are the result, and the pane shows the details when opened.
 * Excel has no notification API for add-in commands, so a failure is logged, never thrown past Office.
 */
import type { Locale } from '../engine/messages';
import type { Rubric } from '../engine/rubric-types';
import { paneRubric } from '../taskpane/pane-rubric';
import type { WorkbookHost } from '../host/workbook-host';
import { OfficeWorkbookHost } from '../office/office-host';
import { validateWorkbook } from '../office/validate-workbook';
import { localeFromDisplayLanguage } from '../taskpane/strings/locale';

export interface RibbonDeps {
  host(locale: Locale): WorkbookHost;
  rubric(): Rubric;
  locale(): Locale;
  log(message: string): void;
}

const officeDeps: RibbonDeps = {
  host: (locale) => new OfficeWorkbookHost({ locale }),
  rubric: paneRubric,
  locale: () => localeFromDisplayLanguage(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined),
  log: (message) => console.log(message),
};

/** Always calls event.completed(), also when validation fails, or Excel keeps the button spinning. */
export async function validateFromRibbon(event: Office.AddinCommands.Event, deps: RibbonDeps = officeDeps): Promise<void> {
  try {
    const locale = deps.locale();
    const result = await validateWorkbook(deps.host(locale), deps.rubric(), { locale });
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    deps.log(`Rubric Check: ${result.sheet}: ${result.findings.length} finding(s), ${errors} error(s), total ${result.scorecard.total.toString()}`);
  } catch (err) {
    deps.log(`Rubric Check: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('validateFromRibbon', validateFromRibbon);
  });
}
