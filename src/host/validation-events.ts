import type { ValidationResult } from '../engine/validate/validate-sheet';

/**
 * The ribbon command and the pane share one runtime, so a validation started from the ribbon can be
 * shown in the pane (open now or later) instead of being visible only as marks in the sheet.
 */
export type ValidationEvent =
  | { kind: 'result'; result: ValidationResult }
  | { kind: 'error'; message: string }
  /** The marks were taken off: a result shown anywhere is no longer on the sheet. */
  | { kind: 'cleared'; count: number };

type Listener = (event: ValidationEvent) => void;

interface Channel {
  listeners: Set<Listener>;
  last: ValidationEvent | null;
}

/**
 * Kept on the page's global object, not in module state: the pane, the ribbon commands and the
 * functions are separate webpack entries, each with its own copy of this module, loaded into one page.
 */
const KEY = Symbol.for('rubric-check.validation-events');
const channel = (): Channel => {
  const g = globalThis as unknown as Record<symbol, Channel | undefined>;
  return (g[KEY] ??= { listeners: new Set(), last: null });
};

export function publishValidation(event: ValidationEvent): void {
  const c = channel();
  c.last = event;
  for (const listener of c.listeners) listener(event);
}

/** Subscribe; the latest event so far is replayed at once, for a pane opened after the ribbon ran. Returns the unsubscribe. */
export function onValidation(listener: Listener): () => void {
  const c = channel();
  c.listeners.add(listener);
  if (c.last) listener(c.last);
  return () => {
    c.listeners.delete(listener);
  };
}

/** For tests: forget the replayed event. */
export function resetValidationEvents(): void {
  const c = channel();
  c.last = null;
  c.listeners.clear();
}
