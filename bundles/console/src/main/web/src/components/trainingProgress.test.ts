import { describe, expect, it } from 'vitest';
import type { Me } from '../api/session';
import { adminMe } from '../testing/renderConsole';
import { positionOf, stepsFor, storedOf, trainingSteps } from './trainingProgress';

const readerOfEvents: Me = { ...adminMe, permissions: { 'events.read': { everywhere: false, roots: ['g1'] } } };

describe('training progress', () => {
  it('leaves out the steps of pages the account cannot open', () => {
    expect(stepsFor(readerOfEvents).map((step) => step.id)).toEqual(['welcome', 'navigation', 'overview', 'events', 'content', 'account']);
    expect(stepsFor(adminMe)).toHaveLength(trainingSteps.length);
  });

  it('stores the step by id and finds it again among the account steps', () => {
    const steps = stepsFor(readerOfEvents);
    const stored = storedOf({ status: 'paused', index: 3 }, steps, new Date('2026-11-26T12:00:00Z'));
    expect(stored).toEqual({ version: 1, status: 'paused', step: 'events', updatedAt: '2026-11-26T12:00:00.000Z' });
    expect(positionOf(stored, steps)).toEqual({ status: 'paused', index: 3 });
    expect(positionOf(stored, stepsFor(adminMe))).toEqual({ status: 'paused', index: 4 });
  });

  it('starts from the beginning when the stored step is gone or the progress unreadable', () => {
    const steps = stepsFor(readerOfEvents);
    expect(positionOf({ version: 1, status: 'active', step: 'devices', updatedAt: '' }, steps)).toEqual({ status: 'active', index: 0 });
    expect(positionOf({}, steps)).toEqual({ status: 'new', index: 0 });
    expect(positionOf({ version: 2, status: 'done', step: 'welcome' }, steps)).toEqual({ status: 'new', index: 0 });
    expect(positionOf('step 3', steps)).toEqual({ status: 'new', index: 0 });
  });
});
