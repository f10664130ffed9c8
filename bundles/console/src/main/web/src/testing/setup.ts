import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setCsrfToken } from '../api/client';

// jsdom lays nothing out, so every element is 0 px wide and PatternFly's managed sidebar would start closed as on a
// phone. Tests see the console as on a desktop (PatternFly opens the sidebar from 1200 px on).
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1440 });

// Pages are lazy chunks behind a fake server: on a busy two-core machine (CI, or a build beside the tests) finding what
// they render can take longer than Testing Library's default second. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.className = '';
  setCsrfToken(undefined);
});
