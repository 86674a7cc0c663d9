import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { AnnotateError, annotatePackage, type AnnotateRequest } from '../../src/xlsx/annotate/annotate-package';
import { fixtureParts, MARKED_SHEET, zipParts } from '../support/office-package';

const REQUEST: AnnotateRequest = {
  sheet: '自评表',
  marks: [
    { cell: 'E4', severity: 'error', note: '超过满分' },
    { cell: 'G12', severity: 'warning', note: '缺少' },
    { cell: 'B1', severity: 'info', note: '标题' },
  ],
  noteHeading: '评分助手检查结果：',
  issues: [{ severity: 'error', severityWord: '错误', sheet: '自评表', cell: 'E4', clauseId: '1.1', message: '超过满分' }],
};

/** Returns the copy, or the AnnotateError; anything else thrown fails the property. */
function attempt(bytes: Uint8Array): Uint8Array | AnnotateError {
  try {
    const copy = annotatePackage(bytes, REQUEST);
    expect(Object.keys(unzipSync(copy)).length).toBeGreaterThan(0); // a copy is always a readable zip
    return copy;
  } catch (err) {
    if (err instanceof AnnotateError) return err;
    throw err;
  }
}

describe('mutated packages never crash the patcher: a copy or a clear AnnotateError', () => {
  const parts = fixtureParts({ commentsPath: 'xl/comments/comment1.xml' });
  const bytes = zipParts(parts);

  test('bytes of the zip flipped, or the zip cut short', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.option(fc.nat(bytes.length)), (flips, cut) => {
        const mutated = bytes.slice(0, cut ?? bytes.length);
        for (const [at, value] of flips) if (at < mutated.length) mutated[at] = value;
        const result = attempt(mutated);
        if (result instanceof AnnotateError) expect(result.zh).toMatch(/^无法生成标注副本/);
      }),
      { numRuns: 150 },
    );
  });

  const owned = [MARKED_SHEET, 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/comments/comment1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/data.xml.rels', '_rels/.rels', 'xl/threadedComments/threadedComment1.xml'];

  test('the text of a part it reads damaged: a slice removed or markup characters put in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...owned),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(200),
        fc.string({ unit: fc.constantFrom('<', '>', '"', '&', '/', '=', ' ', 'x', '\u0000', '中'), maxLength: 6 }),
        (part, where, length, insert) => {
          const text = parts[part];
          const at = Math.floor(where * text.length);
          const result = attempt(zipParts({ ...parts, [part]: text.slice(0, at) + insert + text.slice(at + length) }));
          if (result instanceof AnnotateError) expect(['not-xlsx', 'strict', 'no-sheet', 'damaged']).toContain(result.problem);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a part it needs missing altogether', () => {
    for (const part of owned) {
      const { [part]: _gone, ...rest } = parts;
      const result = attempt(zipParts(rest));
      if (result instanceof AnnotateError) expect(result.en).toMatch(/^Cannot make the annotated copy/);
    }
  });
});
