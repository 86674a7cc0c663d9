/// <reference types="office-js" />
// (The reference lets `npm run bench`, compiled without the add-in's global types, build this adapter too.)
/** How the adapter reaches Excel: injectable so tests drive it with office-addin-mock instead of the real globals. */
import type { Locale } from '../engine/messages';
import { HostError } from '../host/workbook-host';
import { hostText, type HostMessageKey } from './host-messages';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type IsSetSupported = (name: string, minVersion: string) => boolean;

export interface OfficeHostOptions {
  locale?: Locale;
  /** Defaults to Excel.run. */
  run?: ExcelRun;
  /** Defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
}

/** The ExcelApi versions the adapter needs, by feature (see the README's version table). */
export const API = {
  /** Range.getMergedAreasOrNullObject; implies getCellProperties (1.9), settings (1.4), comments (1.10). */
  read: '1.13',
  /** Range.getMergedAreasOrNullObject: without it the locator carries labels down, as for blank cells. */
  merges: '1.13',
  /** Workbook.notes; older versions mark with comments instead. */
  notes: '1.18',
  comments: '1.10',
  /** setCellProperties, PageLayout, data validation. */
  template: '1.9',
  /** Workbook.getActiveCell. */
  selection: '1.7',
  /** ChartSeries.setXAxisValues, for the ranking chart's 街镇 labels. */
  chart: '1.7',
} as const;

export const defaultRun: ExcelRun = (batch) => Excel.run(batch);

export const defaultIsSetSupported: IsSetSupported = (name, version) =>
  typeof Office !== 'undefined' && !!Office.context?.requirements && Office.context.requirements.isSetSupported(name, version);

export function requireApi(isSupported: IsSetSupported, version: string, feature: HostMessageKey, locale: Locale): void {
  if (!isSupported('ExcelApi', version)) throw new HostError('unsupported', hostText('unsupported', { feature: hostText(feature, {}, locale), version }, locale));
}

/** An Office error's short text for a message: its code and message, never a stack. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
