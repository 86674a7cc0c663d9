import type { ValidationResult } from '../engine/validate/validate-sheet';

/**
 * The ribbon command and the pane share one runtime, so a validation started from the ribbon can be
 * shown in the pane (open now or later) instead of being visible only as marks in the sheet.
 */
export type ValidationEvent = { kind: 'result'; result: ValidationResult } | { kind: 'error'; message: string };

type Listener = (event: ValidationEvent) => void;

const listeners = new Set<Listener>();
let last: ValidationEvent | null = null;

export function publishValidation(event: ValidationEvent): void {
  last = event;
  for (const listener of listeners) listener(event);
}

/** Subscribe; the latest event so far is replayed at once, for a pane opened after the ribbon ran. Returns the unsubscribe. */
export function onValidation(listener: Listener): () => void {
  listeners.add(listener);
  if (last) listener(last);
  return () => {
    listeners.delete(listener);
  };
}

/** For tests: forget the replayed event. */
export function resetValidationEvents(): void {
  last = null;
  listeners.clear();
}
