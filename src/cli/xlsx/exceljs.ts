/**
 * ExcelJS, loaded on first use and only its Workbook: the package entry also loads the streaming
 * reader and writer, and every CLI command (lint too) would pay that start-up on each run.
 */
import type ExcelJS from 'exceljs';

type WorkbookClass = typeof ExcelJS.Workbook;
let workbookClass: WorkbookClass | undefined;

function loadWorkbookClass(): WorkbookClass {
  try {
    // ExcelJS 4's own module for the class the package entry re-exports as `Workbook`.
    return require('exceljs/lib/doc/workbook') as WorkbookClass;
  } catch {
    return (require('exceljs') as typeof ExcelJS).Workbook;
  }
}

export function newWorkbook(): ExcelJS.Workbook {
  workbookClass ??= loadWorkbookClass();
  return new workbookClass();
}
