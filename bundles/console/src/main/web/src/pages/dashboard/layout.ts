/** The widgets the dashboard offers, in the order a new account sees them. */
export const widgetIds = ['device-status', 'events-by-severity', 'not-seen', 'top-event-types', 'protection-status', 'licence-usage'] as const;

export type WidgetId = (typeof widgetIds)[number];

/** The permission each widget's data needs (held anywhere: the server narrows the data to the caller's groups). */
export const widgetPermissions: Record<WidgetId, string> = {
  'device-status': 'devices.read',
  'events-by-severity': 'events.read',
  'not-seen': 'devices.read',
  'top-event-types': 'events.read',
  'protection-status': 'devices.read',
  'licence-usage': 'devices.read',
};

/** What the dashboard stores in `me/settings` as `dashboardLayout`. */
export interface StoredLayout {
  version: 1;
  widgets: { widget: WidgetId }[];
}

const isWidgetId = (value: unknown): value is WidgetId => widgetIds.includes(value as WidgetId);

/**
 * The widgets to show from the stored settings. The server answers `[]` for an account that never arranged its
 * dashboard: it gets every widget. A stored layout (even an empty one) is kept as it is; unknown widgets (from a
 * newer or older console) and repeats are dropped.
 */
export function layoutOf(stored: unknown): WidgetId[] {
  let entries: unknown[];
  if (Array.isArray(stored)) {
    if (stored.length === 0) {
      return [...widgetIds];
    }
    entries = stored;
  } else if (typeof stored === 'object' && stored !== null && Array.isArray((stored as StoredLayout).widgets)) {
    entries = (stored as StoredLayout).widgets;
  } else {
    return [...widgetIds];
  }
  const widgets: WidgetId[] = [];
  for (const entry of entries) {
    const id = typeof entry === 'object' && entry !== null ? (entry as { widget?: unknown }).widget : undefined;
    if (isWidgetId(id) && !widgets.includes(id)) {
      widgets.push(id);
    }
  }
  return widgets;
}

export function storedLayoutOf(widgets: readonly WidgetId[]): StoredLayout {
  return { version: 1, widgets: widgets.map((widget) => ({ widget })) };
}

export function addWidget(widgets: readonly WidgetId[], widget: WidgetId): WidgetId[] {
  return widgets.includes(widget) ? [...widgets] : [...widgets, widget];
}

export function removeWidget(widgets: readonly WidgetId[], widget: WidgetId): WidgetId[] {
  return widgets.filter((other) => other !== widget);
}

/** The layout after moving a widget one place earlier (-1) or later (+1); unchanged at either end. */
export function moveWidget(widgets: readonly WidgetId[], widget: WidgetId, step: -1 | 1): WidgetId[] {
  const from = widgets.indexOf(widget);
  const to = from + step;
  if (from < 0 || to < 0 || to >= widgets.length) {
    return [...widgets];
  }
  const next = [...widgets];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
