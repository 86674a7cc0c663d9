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
