import { describe, expect, it } from 'vitest';
import { isRead, maxReadIds, readStateOf, withAllRead, withRead } from './notificationReadState';

const at = (minute: number) => `2026-11-26T12:${String(minute).padStart(2, '0')}:00.000Z`;
const n = (id: string, minute: number) => ({ id, receivedAt: at(minute) });

describe('notification read state', () => {
  it('counts single ids and everything received up to the watermark as read', () => {
    const state = readStateOf(['e1', `read-until:${at(10)}`]);
    expect(isRead(n('e1', 30), state)).toBe(true);
    expect(isRead(n('e2', 10), state)).toBe(true);
    expect(isRead(n('e3', 11), state)).toBe(false);
  });

  it('ignores what it cannot read in the stored settings', () => {
    expect(readStateOf(undefined)).toEqual({ ids: new Set() });
    expect(readStateOf(['read-until:yesterday', 7, 'e1'])).toEqual({ ids: new Set(['e1']) });
  });

  it('adds one id when one notification is read', () => {
    expect(withRead(readStateOf(['e1']), 'e2', [n('e1', 1), n('e2', 2)])).toEqual(['e1', 'e2']);
  });

  it('marks all read with a watermark at the newest one shown, so later ones stay unread', () => {
    const stored = withAllRead(readStateOf(['e1', 'old']), [n('e2', 20), n('e1', 5)]);
    expect(stored).toEqual([`read-until:${at(20)}`, 'old']);
    const state = readStateOf(stored);
    expect(isRead(n('e1', 5), state)).toBe(true);
    expect(isRead(n('e4', 21), state)).toBe(false);
  });

  it('keeps the stored list bounded', () => {
    let stored: string[] = [];
    for (let i = 0; i < maxReadIds + 50; i++) {
      stored = withRead(readStateOf(stored), `e${i}`, []);
    }
    expect(stored).toHaveLength(maxReadIds);
    expect(stored.at(-1)).toBe(`e${maxReadIds + 49}`);
  });
});
