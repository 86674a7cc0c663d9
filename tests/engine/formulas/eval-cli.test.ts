import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { rawBundled } from '../../rubric/bundled';
import { stringify } from 'yaml';

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), exit: () => undefined };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('rubric-check eval', () => {
  test('prints the value alone and exits 0', async () => {
    expect(await run('eval', '=RUBRIC.SCORE_BAND(0.06,0.05,0.01,0.1,0.5)')).toEqual({ code: 0, out: ['0.4'], err: [] });
  });

  test('the = and the RUBRIC. prefix are optional; the file form is accepted', async () => {
    expect((await run('eval', 'SCORE_DEDUCT(2,6,0.2)')).out).toEqual(['0.8']);
    expect((await run('eval', '=_xldudf_RUBRIC_SCORE_DEDUCT(2,6,0.2)')).out).toEqual(['0.8']);
    expect((await run('eval', '=SCORE_GRADE(SCORE_SUM({50,25,10}),FALSE)')).out).toEqual(['良好']);
    expect((await run('eval', '=SCORE_BINARY(TRUE,1)=1')).out).toEqual(['TRUE']);
  });

  test('an array result prints as tab-separated rows', async () => {
    expect((await run('eval', '={1,2;3,4}')).out).toEqual(['1\t2\n3\t4']);
  });

  test('an Excel error prints its code and message and exits 1', async () => {
    const result = await run('eval', '=RUBRIC.SCORE_DEDUCT(2,-1,0.5)');
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual(['#NUM! 参数“cases”（发现例数）应为 0 或正整数，收到“-1”。请填写发现的例数，如 0、1、2。']);
    expect(await run('eval', '=1/0')).toEqual({ code: 1, out: [], err: ['#DIV/0!'] });
  });

  test('--lang en gives the English message', async () => {
    const result = await run('eval', '=SCORE_BINARY("maybe",1)', '--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/^#VALUE! Argument "met" \(requirement met\) should be yes or no, got "maybe"\./);
  });

  test('text that is not a formula, a bad --lang or an unreadable rubric exit 2', async () => {
    const syntax = await run('eval', '=SCORE_DEDUCT(2,');
    expect(syntax.code).toBe(2);
    expect(syntax.err[0]).toContain('无法解析');
    expect((await run('eval', '=1', '--lang', 'fr')).code).toBe(2);
    expect((await run('eval', '=1', '--rubric', join(tmpdir(), 'no-such-rubric.yaml'))).code).toBe(2);
  });

  test('--rubric uses another rubric for the rubric-based functions', async () => {
    const data = rawBundled();
    data.grades.bands[0].grade = 'A';
    const file = join(mkdtempSync(join(tmpdir(), 'rubric-eval-')), 'custom.yaml');
    writeFileSync(file, stringify(data));
    expect((await run('eval', '=SCORE_GRADE(95)', '--rubric', file)).out).toEqual(['A']);
    expect((await run('eval', '=SCORE_GRADE(95)')).out).toEqual(['优秀']);
  });
});
