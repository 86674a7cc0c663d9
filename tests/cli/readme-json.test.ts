/**
 * The README's command-line examples that promise JSON: run as written, in a shell, from the repository
 * root; the whole of stdout must parse. `npm run` without -s would put npm's banner first.
 */
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ROOT } from './helpers';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const shellLines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n'));
const jsonExamples = shellLines
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => /^(npx rubric-check|npm run -s rubric-check --) validate\b.*--json/.test(l));

describe('README examples with --json', () => {
  test('there are some, through npx and through npm run -s', () => {
    expect(jsonExamples.some((l) => l.startsWith('npx '))).toBe(true);
    expect(jsonExamples.some((l) => l.startsWith('npm run -s '))).toBe(true);
  });

  test.each(jsonExamples)('%s: stdout is one JSON document', (command) => {
    // --no: never fetch a package of that name from the registry; the project's own bin must answer.
    const r = spawnSync('sh', ['-c', command.replace(/^npx /, 'npx --no ')], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    expect([0, 1]).toContain(r.status);
    const doc = JSON.parse(r.stdout) as { files: { file: string; unit: string | null; counts: Record<string, number> }[] };
    expect(doc.files.length).toBeGreaterThan(0);
    for (const f of doc.files) expect(f.counts).toEqual({ error: expect.any(Number), warning: expect.any(Number), info: expect.any(Number) });
  }, 180_000);

  test('npm run without -s is not JSON (why the README says -s)', () => {
    const r = spawnSync('npm', ['run', 'rubric-check', '--', 'validate', '--json', 'examples/clean-2023-自评表.xlsx'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(() => JSON.parse(r.stdout)).toThrow();
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf('{')))).toHaveProperty('files');
  }, 180_000);
});
