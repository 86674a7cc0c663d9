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

/**
 * The ExcelApi version of each member the adapter uses, by feature (see the README's version table).
 * Reading and marking degrade below each one; only the template, the comparison and the stamp require theirs.
 */
export const API = {
  /** Range values, formulas, valueTypes, numberFormat, format.fill.color, worksheets.add/delete: the base. */
  read: '1.1',
  /** getUsedRange(valuesOnly), Worksheet.protection, Range.rowHidden/columnHidden, RangeFormat.columnWidth. */
  basics2: '1.2',
  /** Workbook settings; *OrNullObject methods. Below: Office.context.document.settings, and lookups by list. */
  settings: '1.4',
  /** Range.hyperlink, freezePanes. Below, the 问题清单 links are HYPERLINK formulas. */
  hyperlink: '1.7',
  /** getCellProperties/setCellProperties, getRowProperties/getColumnProperties. */
  cellProperties: '1.9',
  /** Range.getMergedAreasOrNullObject: without it the locator carries labels down, as for blank cells. */
  merges: '1.13',
  /** Workbook.notes; older versions mark with comments instead. */
  notes: '1.18',
  comments: '1.10',
  /** setCellProperties, PageLayout, data validation. */
  template: '1.9',
  /** Workbook.getActiveCell; below, getSelectedRange (1.1). */
  selection: '1.7',
  /** ChartSeries.setXAxisValues, for the ranking chart's 街镇 labels. */
  chart: '1.7',
  /** workbook.properties.custom, where the submission stamp is kept. */
  customProperties: '1.7',
} as const;

export const defaultRun: ExcelRun = (batch) => Excel.run(batch);

export const defaultIsSetSupported: IsSetSupported = (name, version) =>
  typeof Office !== 'undefined' && !!Office.context?.requirements && Office.context.requirements.isSetSupported(name, version);

export function requireApi(isSupported: IsSetSupported, version: string, feature: HostMessageKey, locale: Locale): void {
  if (!isSupported('ExcelApi', version)) {
    throw new HostError('unsupported', hostText('unsupported', { feature: hostText(feature, {}, locale), version, excel: excelsWith(version, locale) }, locale));
  }
}

/**
 * The Excel versions that have an ExcelApi version, for messages: Microsoft's "Excel JavaScript API
 * requirement sets" table (Excel 2016 volume-licensed: 1.1 only; Excel 2019: to 1.8; Excel 2021: to
 * 1.14; Excel 2024: to 1.17; 1.18 only in Microsoft 365 2501+, Mac 16.93+ and on the web).
 */
export function excelsWith(version: string, locale: Locale): string {
  const minor = Number(version.split('.')[1] ?? 0);
  const key = minor <= 1 ? 'excel.all' : minor <= 8 ? 'excel.2019' : minor <= 14 ? 'excel.2021' : minor <= 17 ? 'excel.2024' : 'where.note';
  return hostText(key, {}, locale);
}

/** An Office error's short text for a message: its code and message, never a stack. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
