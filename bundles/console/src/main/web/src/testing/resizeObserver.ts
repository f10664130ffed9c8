import { vi } from 'vitest';

/** jsdom has no ResizeObserver; a chart only needs to register one. Call in a `beforeEach` (globals are unstubbed after each test). */
export function stubResizeObserver(): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
}
