/**
 * The functions.json the build generates, produced here with the same generator the webpack plugin
 * calls (custom-functions-metadata), so `npm test` needs no build: it must list every declared function
 * with its parameters, and the zh-CN file must translate all of it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTIONS } from '../../src/engine/functions/catalog';
import {
  localizeMetadata,
  type FunctionsMetadata,
  type TranslationTable,
} from '../../src/functions/localize-metadata';

const SOURCE = join(__dirname, '..', '..', 'src', 'functions', 'functions.ts');
const TABLE = join(__dirname, '..', '..', 'src', 'functions', 'metadata.zh-CN.json');
const table = (): TranslationTable => JSON.parse(readFileSync(TABLE, 'utf8'));

let metadata: FunctionsMetadata;
let associated: { id: string; functionName: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE, false);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson);
  associated = result.associate;
}, 60_000);

describe('generated functions.json', () => {
  test('lists exactly the declared functions, id and name alike', () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.name));
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  test.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s has the declared parameters, in order', (name, decl) => {
    const generated = metadata.functions.find((f) => f.id === name)!;
    expect(generated.description).toMatch(/\w/);
    expect(
      generated.parameters.map((p) => ({
        name: p.name,
        shape: p.dimensionality === 'matrix' ? 'range' : 'scalar',
        optional: p.optional === true,
        repeating: p.repeating === true,
        described: typeof p.description === 'string' && p.description.length > 0,
      })),
    ).toEqual(
      decl.params.map((p) => ({
        name: p.name,
        shape: p.shape,
        optional: p.optional === true,
        repeating: p.repeating === true,
        described: true,
      })),
    );
    // `any` lets Excel pass 是/否 and "15%" through for the engine to check and name.
    for (const p of generated.parameters) expect(p.type).toBe('any');
    expect((generated.result as { type?: string }).type).toBe(decl.returns);
  });

  test('the loader will associate every function with its JavaScript implementation', () => {
    expect(associated.map((a) => a.id).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });

  test('functions.ts leaves the associate calls to the loader', () => {
    const code = readFileSync(SOURCE, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/CustomFunctions\.associate\s*\(/);
  });
});

describe('functions.zh-CN.json', () => {
  test('translates every description and parameter, changing nothing else', () => {
    const { metadata: zh, problems } = localizeMetadata(metadata, table());
    expect(problems).toEqual([]);
    zh.functions.forEach((f, i) => {
      const en = metadata.functions[i]!;
      expect({ ...f, description: undefined, parameters: undefined }).toEqual({ ...en, description: undefined, parameters: undefined });
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      f.parameters.forEach((p, j) => {
        expect({ ...p, description: undefined }).toEqual({ ...en.parameters[j], description: undefined });
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
      });
    });
  });

  test('reports a function or parameter left untranslated, and a stale translation', () => {
    const t = table();
    delete t.SCORE_BAND;
    delete t.SCORE_SUM!.parameters.floor;
    t.SCORE_DEDUCT!.parameters.perCase = '旧名';
    t.SCORE_OLD = { description: '已删除', parameters: {} };
    const { problems } = localizeMetadata(metadata, t);
    expect(problems.sort()).toEqual(
      [
        'SCORE_BAND: no zh-CN translation',
        'SCORE_SUM(floor): no zh-CN translation',
        'SCORE_DEDUCT(perCase): translated but not a parameter',
        'SCORE_OLD: translated but not a function',
      ].sort(),
    );
  });
});

describe('metadata.en.json (the pane\'s English help cards)', () => {
  test('is exactly what the JSDoc in functions.ts generates, so the help never drifts from Excel\'s own', () => {
    const en = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'functions', 'metadata.en.json'), 'utf8'));
    const generated = Object.fromEntries(
      metadata.functions.map((f) => [f.id, { description: f.description, parameters: Object.fromEntries(f.parameters.map((p) => [p.name, p.description])) }]),
    );
    expect(en).toEqual(generated);
  });
});
