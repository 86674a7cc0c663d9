import { readFileSync } from 'fs';
import { join } from 'path';
import { annotateWorkbook } from '../../src/cli/xlsx/annotate-workbook';
import { noteHeading } from '../../src/engine/validate/note-text';
import type { Finding } from '../../src/engine/validate/finding';
import { ZipPackage } from '../../src/xlsx/zip-package';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'clean-2023-自评表.xlsx');

const finding = (cell: string): Finding => ({ code: 'SCORE_ABOVE_MAX', severity: 'error', sheet: '自评表', cell, message: `${cell} 的得分超过满分。` });

const commentsText = (bytes: Uint8Array): string => {
  const pkg = ZipPackage.open(bytes);
  return pkg
    .names()
    .filter((n) => /^xl\/comments/.test(n))
    .map((n) => pkg.text(n) ?? '')
    .join('\n');
};

test('a copy checked again has our note replaced, not stacked: the heading the notes are written with is the one re-runs look for', () => {
  const once = annotateWorkbook(readFileSync(EXAMPLE), '自评表', [finding('E5')], 'zh');
  const twice = annotateWorkbook(once, '自评表', [finding('E5')], 'zh');
  const count = (text: string) => text.split(noteHeading('zh-CN')).length - 1;
  expect(count(commentsText(once))).toBe(1);
  expect(count(commentsText(twice))).toBe(1);
  expect(commentsText(twice)).toContain('E5 的得分超过满分。');
});
