/**
 * Ribbon commands. 「一键校验」 (ExecuteFunction) validates and marks the active sheet without opening
 * the pane; the marks and notes in the sheet are the result, and the pane shows the details when opened.
 * The pane shares this runtime: the result (or the error) is published to it, and a failure opens the
 * pane so the message is seen — Excel has no other notification for add-in commands.
 */
import type { Locale } from '../engine/messages';
import type { Rubric } from '../engine/rubric-types';
import { bundledRubric } from '../host/bundled-rubric';
import type { WorkbookHost } from '../host/workbook-host';
import { OfficeWorkbookHost } from '../office/office-host';
import { validateWorkbook } from '../office/validate-workbook';
import { roamingStore } from '../office/roaming-preferences';
import { loadLanguage } from '../taskpane/language-preference';
import { localeFromDisplayLanguage } from '../taskpane/strings/locale';
import { publishValidation } from '../host/validation-events';

export interface RibbonDeps {
  host(locale: Locale): WorkbookHost;
  rubric(): Rubric;
  locale(): Locale;
  log(message: string): void;
  /** Bring the pane up to show a failure. */
  showPane(): Promise<void>;
}

const officeDeps: RibbonDeps = {
  host: (locale) => new OfficeWorkbookHost({ locale }),
  rubric: bundledRubric,
  // The ribbon's notes speak the language chosen on the pane's switch, else Office's.
  locale: () =>
    loadLanguage(roamingStore()) ?? localeFromDisplayLanguage(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined),
  log: (message) => console.log(message),
  showPane: async () => {
    // SharedRuntime 1.1; older hosts simply keep the message in the pane for when it is opened.
    if (typeof Office !== 'undefined' && Office.addin?.showAsTaskpane) await Office.addin.showAsTaskpane();
  },
};

/** Always calls event.completed(), also when validation fails, or Excel keeps the button spinning. */
export async function validateFromRibbon(event: Office.AddinCommands.Event, deps: RibbonDeps = officeDeps): Promise<void> {
  try {
    const locale = deps.locale();
    const host = deps.host(locale);
    const result = await validateWorkbook(host, deps.rubric(), { locale });
    for (const notice of host.takeNotices?.() ?? []) deps.log(`Rubric Check: ${notice}`);
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    deps.log(`Rubric Check: ${result.sheet}: ${result.findings.length} finding(s), ${errors} error(s), total ${result.scorecard.total.toString()}`);
    publishValidation({ kind: 'result', result });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    deps.log(`Rubric Check: ${message}`);
    publishValidation({ kind: 'error', message });
    await deps.showPane().catch((e: unknown) => deps.log(`Rubric Check: ${String(e)}`));
  } finally {
    event.completed();
  }
}

/**
 * At the top level, not inside Office.onReady: in a shared runtime a click that arrives before onReady
 * has run (the pane's script is still loading) finds no handler and does nothing (office-js #5176,
 * #3378, #2744). taskpane.html loads this bundle first and blocking (webpack.config.js).
 */
if (typeof Office !== 'undefined' && Office.actions) {
  Office.actions.associate('validateFromRibbon', validateFromRibbon);
}
