import { describe, expect, it } from 'vitest';
import { changedSummary, diffRows, formatValue, readablePath, tokensOf, valueAt } from './revisionDiff';

const before = {
  id: 'g1',
  name: 'Berlin',
  parentId: 'root',
  modifiedAt: '2026-11-26T10:00:00Z',
  deviceSettings: {
    inheritFromParent: true,
    statusConditions: [
      { kind: 'inactive', severity: 'warning' },
      { kind: 'disk', severity: 'critical' },
    ],
    inactivity: {},
  },
};

describe('revision diff', () => {
  it('shows a renamed field with its old and new value', () => {
    const rows = diffRows([{ op: 'replace', path: '/name', value: 'Berlin HQ' }], before);
    expect(rows).toEqual([{ pointer: '/name', path: 'name', kind: 'changed', before: 'Berlin', after: 'Berlin HQ' }]);
  });

  it('names nested members by a readable path with array indices in brackets', () => {
    const rows = diffRows([{ op: 'replace', path: '/deviceSettings/statusConditions/1/severity', value: 'warning' }], before);
    expect(rows).toEqual([
      {
        pointer: '/deviceSettings/statusConditions/1/severity',
        path: 'deviceSettings.statusConditions[1].severity',
        kind: 'changed',
        before: 'critical',
        after: 'warning',
      },
    ]);
  });

  it('breaks a replaced structure down to the values that differ', () => {
    const rows = diffRows(
      [{ op: 'replace', path: '/deviceSettings', value: { ...before.deviceSettings, inheritFromParent: false, inactivity: { days: 30 } } }],
      before,
    );
    expect(rows.map((row) => [row.path, row.kind, row.before, row.after])).toEqual([
      ['deviceSettings.inheritFromParent', 'changed', true, false],
      ['deviceSettings.inactivity.days', 'added', undefined, 30],
    ]);
  });

  it('shows removed members and array items with the value they had', () => {
    const rows = diffRows(
      [
        { op: 'remove', path: '/deviceSettings/statusConditions/1' },
        { op: 'remove', path: '/parentId' },
      ],
      before,
    );
    expect(rows.map((row) => [row.path, row.kind, row.before, 'after' in row])).toEqual([
      ['deviceSettings.statusConditions[1].kind', 'removed', 'disk', false],
      ['deviceSettings.statusConditions[1].severity', 'removed', 'critical', false],
      ['parentId', 'removed', 'root', false],
    ]);
  });

  it('lists every value of the first revision as added', () => {
    const rows = diffRows(
      [
        { op: 'add', path: '/name', value: 'Berlin' },
        { op: 'add', path: '/deviceSettings', value: { statusConditions: [{ kind: 'inactive' }] } },
      ],
      undefined,
    );
    expect(rows.map((row) => [row.path, row.kind, row.after])).toEqual([
      ['name', 'added', 'Berlin'],
      ['deviceSettings.statusConditions[0].kind', 'added', 'inactive'],
    ]);
  });

  it('says the old value is unknown when the previous revision could not be read', () => {
    const rows = diffRows([{ op: 'replace', path: '/name', value: 'Berlin HQ' }], undefined, false);
    expect(rows).toEqual([{ pointer: '/name', path: 'name', kind: 'changed', beforeUnknown: true, after: 'Berlin HQ' }]);
  });

  it('unescapes RFC 6901 pointers and quotes member names that are not plain words', () => {
    expect(tokensOf('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(valueAt({ 'a/b': { 'c~d': 1 } }, '/a~1b/c~0d')).toEqual({ found: true, value: 1 });
    expect(valueAt({ list: [1] }, '/list/3')).toEqual({ found: false });
    expect(readablePath(['tags', 'a b'], [false, false])).toBe('tags."a b"');
    const rows = diffRows([{ op: 'replace', path: '/a~1b', value: 2 }], { 'a/b': 1 });
    expect(rows[0]).toMatchObject({ pointer: '/a~1b', path: '"a/b"', before: 1, after: 2 });
  });

  it('formats values so that empty text and structures stay visible', () => {
    expect(formatValue('')).toBe('""');
    expect(formatValue('Berlin')).toBe('Berlin');
    expect(formatValue(null)).toBe('null');
    expect(formatValue({ days: 30 })).toBe('{"days":30}');
  });

  it('summarises the changed members without the modification time', () => {
    const more = (paths: string, count: number) => `${paths} +${count}`;
    expect(changedSummary([{ op: 'replace', path: '/name', value: 'x' }, { op: 'replace', path: '/modifiedAt', value: 'y' }], more)).toBe('name');
    expect(
      changedSummary(
        ['/a', '/b/0', '/b/1', '/c', '/d', '/e'].map((path) => ({ op: 'add' as const, path, value: 1 })),
        more,
      ),
    ).toBe('a, b, c +2');
  });
});
