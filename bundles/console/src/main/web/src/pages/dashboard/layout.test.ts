import { describe, expect, it } from 'vitest';
import { addWidget, layoutOf, moveWidget, removeWidget, storedLayoutOf, widgetIds } from './layout';

describe('dashboard layout', () => {
  it('gives an account that never arranged its dashboard every widget', () => {
    expect(layoutOf([])).toEqual([...widgetIds]);
    expect(layoutOf(undefined)).toEqual([...widgetIds]);
  });

  it('keeps a stored layout as it is, even an empty one', () => {
    expect(layoutOf(storedLayoutOf(['not-seen', 'device-status']))).toEqual(['not-seen', 'device-status']);
    expect(layoutOf(storedLayoutOf([]))).toEqual([]);
  });

  it('drops unknown and repeated widgets and reads the documented array form', () => {
    expect(layoutOf({ version: 1, widgets: [{ widget: 'weather-forecast' }, { widget: 'not-seen' }, { widget: 'not-seen' }, 'junk'] })).toEqual(['not-seen']);
    expect(layoutOf([{ widget: 'device-status', x: 0, y: 0 }])).toEqual(['device-status']);
  });

  it('adds, removes and moves widgets', () => {
    expect(addWidget(['not-seen'], 'device-status')).toEqual(['not-seen', 'device-status']);
    expect(addWidget(['not-seen'], 'not-seen')).toEqual(['not-seen']);
    expect(removeWidget(['not-seen', 'device-status'], 'not-seen')).toEqual(['device-status']);
    expect(moveWidget(['not-seen', 'device-status'], 'device-status', -1)).toEqual(['device-status', 'not-seen']);
    expect(moveWidget(['not-seen', 'device-status'], 'device-status', 1)).toEqual(['not-seen', 'device-status']);
  });
});
