import { fromA1, type SheetModel } from '../../../src/engine/sheet/sheet-model';
import { validateSheet } from '../../../src/engine/validate/validate-sheet';
import { loadBundled } from '../../rubric/bundled';
import { buildSheet } from './rubric-sheet';

const rubric = loadBundled();

/** The filled sheet, with the score cell at `address` replaced by a formula showing `cached`. */
function withFormulaAt(address: string, cached: string | null): SheetModel {
  const sheet = buildSheet(rubric).sheet();
  const at = fromA1(address);
  return {
    name: sheet.name,
    rowCount: sheet.rowCount,
    colCount: sheet.colCount,
    merges: sheet.merges,
    cell: (r, c) => (r === at.row && c === at.col ? { value: cached, formula: 'IF(H5="","",RUBRIC.SCORE_CLAUSE("2.3.1",H5))' } : sheet.cell(r, c)),
  };
}

describe('a score formula that shows nothing', () => {
  const address = buildSheet(rubric).cell('2.3.1', 'score');

  it('is SCORE_MISSING when it evaluated to "" (the template before its 计分依据 is filled)', () => {
    const here = validateSheet(withFormulaAt(address, ''), rubric).findings.filter((f) => f.cell === address);
    expect(here.map((f) => f.code)).toEqual(['SCORE_MISSING']);
  });

  it('is left to FORMULA_STALE when it was never calculated', () => {
    expect(validateSheet(withFormulaAt(address, null), rubric).findings.filter((f) => f.cell === address)).toEqual([]);
  });
});
