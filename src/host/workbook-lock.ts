/**
 * One lock for everything that reads and then writes the marks: the pane's 「一键校验」 and 「清除标记」
 * and the ribbon's 「一键校验」 share the runtime, and a second run started while the first is between
 * its read and its write would write a record made from a stale read, losing the first run's originals.
 * Runs wait their turn rather than fail: the ribbon has no way to show "busy".
 *
 * Kept on the page's global object, not in module state: the pane and the ribbon commands are separate
 * webpack entries, each with its own copy of this module, loaded into one page (as validation-events).
 */
const KEY = Symbol.for('rubric-check.workbook-lock');

interface Lock {
  tail: Promise<unknown>;
}

const lock = (): Lock => {
  const g = globalThis as unknown as Record<symbol, Lock | undefined>;
  return (g[KEY] ??= { tail: Promise.resolve() });
};

/** Runs `fn` after every run queued before it has finished (failed or not). */
export function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const l = lock();
  const run = l.tail.then(fn, fn);
  l.tail = run.catch(() => undefined);
  return run;
}
