/** What every `npm run bench` section shares: the section shape, the example workbook and the timing helpers. */
import { join } from 'path';
import { packageRoot } from '../src/cli/paths';

export type Figures = Record<string, number | string>;

export interface BenchSection {
  name: string;
  /** What the figures mean and the targets they are read against (printed, never asserted). */
  about: string;
  run(): Promise<Figures>;
}

export const ROOT = packageRoot(__dirname);
export const EXAMPLE = join(ROOT, 'examples', '江苏路街道-2023-自评表.xlsx');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Times `fn` `runs` times after `warmup` untimed calls; milliseconds per call. */
export async function timeRuns(fn: () => unknown, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}
