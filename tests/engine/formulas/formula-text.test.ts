import {
  callsRubricFunction,
  rubricSignatures,
  toDisplayFormula,
  toEngineFormula,
  toFileFormula,
} from '../../../src/engine/formulas/formula-text';

describe('toEngineFormula', () => {
  test.each([
    ['=RUBRIC.SCORE_DEDUCT(2,B5,0.5)', '=RUBRIC.SCORE_DEDUCT(2,B5,0.5)'],
    ['RUBRIC.SCORE_DEDUCT(2,B5,0.5)', '=RUBRIC.SCORE_DEDUCT(2,B5,0.5)'],
    ['SCORE_DEDUCT(2,B5,0.5)', '=RUBRIC.SCORE_DEDUCT(2,B5,0.5)'],
    ['=score_deduct (2,B5,0.5)', '=RUBRIC.SCORE_DEDUCT (2,B5,0.5)'],
    ['_xldudf_RUBRIC_SCORE_DEDUCT(2,B5,0.5)', '=RUBRIC.SCORE_DEDUCT(2,B5,0.5)'],
    ['=MIN(25,_xldudf_RUBRIC_SCORE_SUM(E4:E9))+RUBRIC_MAX("1")', '=MIN(25,RUBRIC.SCORE_SUM(E4:E9))+RUBRIC.RUBRIC_MAX("1")'],
    ['=_xlfn.IFS(A1>1,SCORE_ADD(A1,0.1,0.5),TRUE,0)', '=IFS(A1>1,RUBRIC.SCORE_ADD(A1,0.1,0.5),TRUE(),0)'],
  ])('%s → %s', (input, expected) => {
    expect(toEngineFormula(input)).toBe(expected);
  });

  test('turns the TRUE/FALSE literals HyperFormula lacks into its TRUE()/FALSE() functions', () => {
    expect(toEngineFormula('=SCORE_BINARY(FALSE,1)+SCORE_BINARY(true,1)')).toBe(
      '=RUBRIC.SCORE_BINARY(FALSE(),1)+RUBRIC.SCORE_BINARY(TRUE(),1)',
    );
    expect(toEngineFormula('=AND(TRUE(),FALSE ())')).toBe('=AND(TRUE(),FALSE ())');
  });

  test('leaves names that only contain a function name, and text in quotes, alone', () => {
    expect(toEngineFormula('=MY.SCORE_DEDUCT(1)+XSCORE_SUM(1)+TRUEVALUE')).toBe('=MY.SCORE_DEDUCT(1)+XSCORE_SUM(1)+TRUEVALUE');
    expect(toEngineFormula('="SCORE_DEDUCT(" & "TRUE" & \'TRUE sheet\'!A1')).toBe('="SCORE_DEDUCT(" & "TRUE" & \'TRUE sheet\'!A1');
    expect(toEngineFormula('=A1&"say ""SCORE_SUM("" here"')).toBe('=A1&"say ""SCORE_SUM("" here"');
  });
});

describe('toFileFormula', () => {
  test('writes RUBRIC functions as Excel saves them, leaving quoted text alone, and reads back the same', () => {
    const formula = '=IF(H5="","RUBRIC.x",RUBRIC.SCORE_CLAUSE("2.3.1",H5))';
    expect(toFileFormula(formula)).toBe('IF(H5="","RUBRIC.x",_xldudf_RUBRIC_SCORE_CLAUSE("2.3.1",H5))');
    expect(toEngineFormula(toFileFormula(formula))).toBe(formula);
  });
});

describe('toDisplayFormula', () => {
  test('shows the file form as Excel shows it, without the equals sign', () => {
    expect(toDisplayFormula('_xldudf_RUBRIC_SCORE_DEDUCT(2,B5,0.5)')).toBe('RUBRIC.SCORE_DEDUCT(2,B5,0.5)');
    expect(toDisplayFormula('=SUM(A1:A3)')).toBe('SUM(A1:A3)');
  });
});

describe('callsRubricFunction', () => {
  test.each([
    ['RUBRIC.SCORE_DEDUCT(2,B5,0.5)', true],
    ['=rubric.score_sum(E4:E9)', true],
    ['_xldudf_RUBRIC_SCORE_GRADE(E90)', true],
    ['=MIN(25,SUM(E4:E9))', false],
    ['="RUBRIC.SCORE_SUM(" & A1', false],
    ['=OTHER.SCORE_SUM(A1)', false],
  ])('%s → %s', (formula, expected) => {
    expect(callsRubricFunction(formula)).toBe(expected);
  });
});

describe('rubricSignatures', () => {
  test('lists each RUBRIC function used, as Excel shows its arguments', () => {
    expect(rubricSignatures('=SCORE_BAND(A1,0.05,0.01,0.1,0.5)+SCORE_SUM(B1:B3)+SCORE_BAND(A2,1,1,1,1)')).toEqual([
      'RUBRIC.SCORE_BAND(rate, threshold, step, per_step, max, [mode])',
      'RUBRIC.SCORE_SUM(values, [cap], [floor])',
    ]);
    expect(rubricSignatures('=SCORE_CLAUSE("3.6.4",A1)')).toEqual(['RUBRIC.SCORE_CLAUSE(clause_id, inputs…)']);
    expect(rubricSignatures('=SUM(A1)')).toEqual([]);
  });
});
