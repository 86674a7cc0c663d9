/** Test setup: jest-dom matchers everywhere; in jsdom, the ResizeObserver Fluent UI expects. */
import '@testing-library/jest-dom';

if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}

// On a loaded 2-core machine a first React render can take seconds: Testing Library's 1 s wait for an
// element and Jest's 5 s per test measure the machine, not the pane. No test asserts a duration.
if (typeof window !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('@testing-library/dom') as typeof import('@testing-library/dom')).configure({ asyncUtilTimeout: 15_000 });
}

// Every browser Office runs in has TextDecoder/TextEncoder and Web Crypto; jsdom lacks them, so the
// browser-safe reader (src/xlsx) and the stamp hash get Node's implementations of the same standards.
if (typeof window !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require('util') as typeof import('util');
  const g = globalThis as unknown as Record<string, unknown>;
  if (typeof g.TextDecoder === 'undefined') g.TextDecoder = util.TextDecoder;
  if (typeof g.TextEncoder === 'undefined') g.TextEncoder = util.TextEncoder;
  const c = g.crypto as { subtle?: unknown } | undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!c?.subtle) Object.defineProperty(globalThis, 'crypto', { value: (require('crypto') as typeof import('crypto')).webcrypto, configurable: true });
}
