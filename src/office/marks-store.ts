/**
 * Where the marks record (src/office/marks-record.ts) is kept: the workbook's add-in settings. From
 * ExcelApi 1.4 through Excel.SettingCollection, queued in the batch like every other write; below it,
 * through the common API's Office.context.document.settings (Excel 2013 and later), whose set() changes a
 * copy in memory and saveAsync() writes it into the document at once. Both are "per file and add-in";
 * that they are the same store is inferred, not stated by Microsoft (docs/excel-simulator.md).
 */
import { describeError } from './excel-api';
import { emptyRecord, MARKS_SETTING, parseRecord, type MarksRecord } from './marks-record';

/** The part of Office.Settings (common API) the record needs; injectable so tests use the simulator's. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback: (result: { status: string; error?: { message: string } }) => void): void;
}

export interface RecordStore {
  /**
   * True when write() is queued in the batch and applied at the next sync, in queue order (workbook
   * settings); false when it is saved at once (document settings), so callers order it by hand: before
   * the marks (a failure can then be undone) and after a restore has synced (a failed restore keeps it).
   */
  readonly queued: boolean;
  /** Queues the read; the returned function gives the record after the caller's sync. */
  load(context: Excel.RequestContext): () => MarksRecord;
  write(context: Excel.RequestContext, value: string): Promise<void>;
}

/** A record this version cannot read holds nothing it could restore; say so and start afresh. */
function readValue(value: unknown): MarksRecord {
  try {
    return parseRecord(value);
  } catch (err) {
    console.warn(`Rubric Check: ${describeError(err)}; earlier marks cannot be restored automatically.`);
    return emptyRecord();
  }
}

/** ExcelApi 1.4: Workbook.settings. */
export const workbookStore: RecordStore = {
  queued: true,
  load(context) {
    // Read only by the returned function, which the caller calls after its sync.
    const queued = { setting: context.workbook.settings.getItemOrNullObject(MARKS_SETTING) };
    queued.setting.load('value');
    return () => (queued.setting.isNullObject ? emptyRecord() : readValue(queued.setting.value));
  },
  write(context, value) {
    context.workbook.settings.add(MARKS_SETTING, value);
    return Promise.resolve();
  },
};

/** Below ExcelApi 1.4: Office.context.document.settings. */
export function documentStore(settings: DocumentSettings): RecordStore {
  return {
    queued: false,
    load: () => () => readValue(settings.get(MARKS_SETTING)),
    write: (_context, value) =>
      new Promise((resolve, reject) => {
        settings.set(MARKS_SETTING, value);
        settings.saveAsync((result) => {
          if (result.status === 'succeeded') resolve();
          else reject(new Error(`document settings not saved: ${result.error?.message ?? result.status}`));
        });
      }),
  };
}

/** Office.context.document.settings where the page runs in Office, else undefined. */
export function officeDocumentSettings(): DocumentSettings | undefined {
  return typeof Office !== 'undefined' ? (Office.context?.document?.settings as DocumentSettings | undefined) : undefined;
}
