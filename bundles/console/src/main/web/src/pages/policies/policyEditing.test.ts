import { describe, expect, it } from 'vitest';
import type { EffectivePolicy } from '../../api/policies';
import {
  inheritanceOf,
  leavesOf,
  moved,
  otherErrors,
  profileErrors,
  savedSettings,
  shownSettings,
  toggledLock,
  valueAt,
  withoutValueAt,
  withValueAt,
} from './policyEditing';

const managed = '00000000-0000-0000-0000-000000000001';
const company = { policyId: 'p-company', policyName: 'Company', groupId: managed };
const above: EffectivePolicy = {
  groupId: managed,
  application: 'endpoint-protection',
  outOfOffice: false,
  policies: ['p-company'],
  settings: { realtime: true, scan: { interval: 30, level: 'high' }, paths: ['C:\\'] },
  origins: { realtime: company, 'scan/interval': company, 'scan/level': { ...company, profile: 'Servers' }, paths: company },
  lockedSettings: ['scan'],
};
const originText = (origin: { policyName: string; profile?: string | null }) => `${origin.profile ? `${origin.profile} of ` : ''}${origin.policyName}`;

describe('setting paths', () => {
  it('reads, sets and removes values by path, pruning emptied objects and decoding ~1 in keys', () => {
    const settings = { scan: { schedule: { interval: 60 } }, 'a/b': 1 };
    expect(valueAt(settings, 'scan/schedule/interval')).toBe(60);
    expect(valueAt(settings, 'a~1b')).toBe(1);
    expect(valueAt(settings, 'scan/missing/deeper')).toBeUndefined();
    expect(withValueAt(settings, 'scan/level', 'high')).toEqual({ scan: { schedule: { interval: 60 }, level: 'high' }, 'a/b': 1 });
    expect(withoutValueAt(settings, 'scan/schedule/interval')).toEqual({ 'a/b': 1 });
    expect(settings.scan.schedule.interval).toBe(60);
  });

  it('lists leaf values with their paths, arrays as one value', () => {
    expect(leavesOf({ realtime: true, scan: { interval: 5 }, paths: ['x'], empty: {} })).toEqual([
      ['realtime', true],
      ['scan/interval', 5],
      ['paths', ['x']],
    ]);
  });
});

describe('inheritance in the editor', () => {
  it('shows paths locked above read-only with the origin of the values below them, and the rest as hints', () => {
    const { locked, above: hints } = inheritanceOf(above, originText, 'a policy above');
    expect(locked).toEqual({ scan: { origin: 'Company', locked: true } });
    expect(hints).toEqual({ realtime: { value: true, origin: 'Company' }, paths: { value: ['C:\\'], origin: 'Company' } });
    expect(inheritanceOf(undefined, originText, '?')).toEqual({ locked: {}, above: {} });
  });

  it('shows the values locked above in place of the own ones, and never saves them', () => {
    const own = { realtime: false, scan: { interval: 5 } };
    const shown = shownSettings(own, above);
    expect(shown).toEqual({ realtime: false, scan: { interval: 30, level: 'high' } });
    expect(savedSettings(shown, above)).toEqual({ realtime: false });
    expect(savedSettings(own, undefined)).toBe(own);
  });
});

describe('editing helpers', () => {
  it('toggles locks in a stable order', () => {
    expect(toggledLock(['scan'], 'realtime', true)).toEqual(['realtime', 'scan']);
    expect(toggledLock(['realtime', 'scan'], 'realtime', false)).toEqual(['scan']);
  });

  it('moves a profile up and down, and leaves the list alone for a move out of bounds', () => {
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('gives each profile its own errors and finds those no field shows', () => {
    const errors = [
      { field: 'profiles/1/settings/scan/interval', message: 'must be 5 or more' },
      { field: 'profiles/1/rules/0/values', message: 'must hold 1 to 100 values' },
      { field: 'profiles/10/name', message: 'is taken' },
      { field: 'name', message: 'must not be blank' },
      { field: 'lockedSettings/0', message: 'is not a path' },
      { field: 'settings/realtime', message: 'is locked' },
    ];
    expect(profileErrors(errors, 1)).toEqual([
      { field: 'settings/scan/interval', message: 'must be 5 or more' },
      { field: 'rules/0/values', message: 'must hold 1 to 100 values' },
    ]);
    expect(otherErrors(errors, ['name'])).toEqual([{ field: 'lockedSettings/0', message: 'is not a path' }]);
  });
});
