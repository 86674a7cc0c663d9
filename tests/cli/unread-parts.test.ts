/**
 * A workbook is read part by part within the limits (src/xlsx/read-limits.ts): a part validation does not
 * need is never inflated, however large, and the custom properties (the submission stamp) are read through
 * the same bounded reader.
 */
import { readFileSync } from 'fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { checkSheetBytes } from '../../src/cli/xlsx/check-sheets';
import { READ_LIMITS } from '../../src/xlsx/read-limits';
import { bundledRubric, EXAMPLE_CLEAN } from './helpers';

const MB = 1024 * 1024;
const clean = unzipSync(readFileSync(EXAMPLE_CLEAN));
const withPart = (name: string, data: Uint8Array) => zipSync({ ...clean, [name]: data }, { level: 1 });

test('a part past the total limit that validation does not read is left compressed, and the sheet is checked', async () => {
  const big = new Uint8Array(READ_LIMITS.totalBytes + MB).fill(0x20);
  const bytes = withPart('customXml/item1.xml', big);
  const result = await checkSheetBytes(bytes, 'big-custom-xml.xlsx', { rubric: bundledRubric() });
  const reference = await checkSheetBytes(readFileSync(EXAMPLE_CLEAN), 'clean.xlsx', { rubric: bundledRubric() });
  expect(result.ok).toBe(true);
  if (!result.ok || !reference.ok) return;
  expect(result.sheets[0].result.findings).toEqual(reference.sheets[0].result.findings);
  expect(result.sheets[0].result.scorecard.total.toString()).toBe(reference.sheets[0].result.scorecard.total.toString());
});

test('custom properties past the part limit are refused by name, not inflated whole', async () => {
  const head = '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">';
  const padding = new Uint8Array(READ_LIMITS.partBytes + MB).fill(0x20);
  const xml = strToU8(head);
  const custom = new Uint8Array(xml.length + padding.length);
  custom.set(xml);
  custom.set(padding, xml.length);
  const result = await checkSheetBytes(withPart('docProps/custom.xml', custom), 'big-props.xlsx', { rubric: bundledRubric() });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.problem).toBe('limit');
  expect(result.error.message).toContain('docProps/custom.xml');
});
