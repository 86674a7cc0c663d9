/**
 * Remembered results of pure function calls, by a text key of their arguments. A sheet repeats the same
 * calls row after row (same maximum, same points per case, a handful of case counts), so recalculating
 * it mostly finds its answers here instead of redoing the decimal work. When the calls stop repeating
 * (every row different), building keys costs more than it saves: after a sample of lookups with fewer
 * hits than misses the memo stands aside for a while, then samples again.
 */
export interface CallMemoOptions {
  /** Entries kept before starting afresh. */
  limit?: number;
  /** Lookups per sample of the hit rate. */
  sample?: number;
  /** Calls to stand aside for after a poor sample. */
  pause?: number;
}

export class CallMemo<V> {
  private readonly entries = new Map<string, V>();
  private readonly limit: number;
  private readonly sample: number;
  private readonly pause: number;
  private hits = 0;
  private misses = 0;
  private paused = 0;

  constructor(options: CallMemoOptions = {}) {
    this.limit = options.limit ?? 50_000;
    this.sample = options.sample ?? 4_096;
    this.pause = options.pause ?? 16_384;
  }

  /** Whether to look this call up at all; false while standing aside after a poor sample. */
  worthLooking(): boolean {
    if (this.paused === 0) return true;
    this.paused--;
    return false;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) this.misses++;
    else this.hits++;
    if (this.hits + this.misses >= this.sample) {
      if (this.hits < this.misses) {
        this.paused = this.pause;
        this.entries.clear();
      }
      this.hits = 0;
      this.misses = 0;
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
    this.paused = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A key for scalar arguments, type-tagged so "1" and 1 differ; undefined when one is a range or object. */
export function callKey(name: string, args: readonly unknown[]): string | undefined {
  let key = name;
  for (const a of args) {
    if (a === null) key += '\u0001n';
    else if (typeof a === 'number') key += `\u0001#${a}`;
    else if (typeof a === 'string') key += `\u0001s${a}`;
    else if (typeof a === 'boolean') key += a ? '\u0001T' : '\u0001F';
    else return undefined;
  }
  return key;
}
