/**
 * The two bundled examples, read by the browser-safe reader and validated by the engine: the same
 * findings as before the corrected-total work, the total now the one that is right once they are fixed.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadBundled } from '../../../rubric/bundled';
import { validateSheet } from '../../../../src/engine/validate/validate-sheet';
import { XlsxReader } from '../../../../src/xlsx/xlsx-reader';

const rubric = loadBundled();
const example = (name: string) => {
  const reader = XlsxReader.open(new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', '..', 'examples', name))));
  const entry = reader.sheets.find((s) => s.state === 'visible') ?? reader.sheets[0];
  return validateSheet(reader.readSheet(entry).sheet, rubric);
};

test('clean-2023-自评表.xlsx: 99.6, 优秀, final, no finding', () => {
  const r = example('clean-2023-自评表.xlsx');
  expect(r.findings.map((f) => f.code)).toEqual([]);
  expect([r.scorecard.total.toString(), r.scorecard.grade, r.provisional]).toEqual(['99.6', '优秀', false]);
});

test('江苏路街道-2023-自评表.xlsx: the six findings of before; 98.1 once the five errors are fixed (1.3.3 counts its 1, not 1.5)', () => {
  const r = example('江苏路街道-2023-自评表.xlsx');
  expect(r.findings.map((f) => `${f.severity} ${f.code} ${f.cell}`)).toEqual([
    'error SCORE_ABOVE_MAX F10',
    'error SCORE_NOT_ALLOWED F13',
    'error REASON_MISSING I16',
    'warning PII_PHONE J37',
    'error EVIDENCE_MISSING H38',
    'error TOTAL_MISMATCH F69',
  ]);
  expect([r.scorecard.total.toString(), r.scorecard.grade, r.provisional, r.errorsToFix]).toEqual(['98.1', '优秀', true, 5]);
  expect(r.findings[5].message).toContain('合计填写为 97.6');
  expect(r.findings[5].message).toContain('应为 98.1');
});
