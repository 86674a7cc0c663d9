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
