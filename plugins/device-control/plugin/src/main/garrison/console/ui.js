// Shared by the Device Control page and device tab: texts, formats, small DOM helpers and the style sheet.
// Plain ES module, no build step. The pages import it with their own version query (see the import in each page), so
// an upgraded plugin never mixes a new page with an old copy of this file.

const TEXTS = {
  en: {
    externalDevices: 'External devices',
    intro: 'External devices the Device Control application saw on the devices: blocked ones first, then the most recently seen.',
    deviceClass: 'Class',
    anyClass: 'Any class',
    access: 'Access',
    anyAccess: 'Any access',
    connection: 'Connection',
    anyConnection: 'Connected or not',
    connectedNow: 'Connected now',
    disconnected: 'Disconnected',
    group: 'Group',
    anyGroup: 'All groups',
    device: 'Device',
    name: 'Name',
    bus: 'Bus',
    ids: 'Vendor:product',
    serial: 'Serial number',
    decidedBy: 'Decided by',
    lastSeen: 'Last seen',
    firstSeen: 'First seen',
    loadMore: 'Load more',
    loading: 'Loading…',
    none: 'No external devices seen.',
    shown: (n) => (n === 1 ? '1 external device shown' : `${n} external devices shown`),
    deletedDevice: 'deleted device',
    failed: 'Could not load the data',
    logOnly: 'only logged',
    connected: 'connected',
    notConnected: 'disconnected',
    state: 'Device Control',
    enforcement: 'Enforcement',
    enforce: 'Enforced',
    logOnlyMode: 'Log only: nothing is blocked',
    notReported: 'The application has not reported the devices attached yet.',
    policy: 'Policy applied',
    defaults: 'the application\'s defaults',
    reportedAt: 'Reported',
    accessLog: 'Access log',
    when: 'When',
    decision: 'Decision',
    trigger: 'Trigger',
    user: 'User',
    emptyLog: 'No decisions logged.',
    classes: {
      'removable-storage': 'Removable storage', 'cd-dvd': 'CD/DVD', 'portable-device': 'Portable device',
      printer: 'Printer', imaging: 'Imaging', bluetooth: 'Bluetooth', 'wifi-adapter': 'Wi-Fi adapter', modem: 'Modem',
      'serial-port': 'Serial port', 'usb-other': 'Other USB',
    },
    accesses: { blocked: 'Blocked', 'read-only': 'Read-only', allowed: 'Allowed' },
    deciders: {
      'trusted-device': 'trusted device', rule: 'rule', bus: 'blocked bus', 'class-default': 'class default',
    },
    triggers: { attached: 'attached', 'policy-changed': 'policy changed', rescan: 'rescan' },
  },
  de: {
    externalDevices: 'Externe Geräte',
    intro: 'Externe Geräte, die die Anwendung Device Control an den Geräten gesehen hat: blockierte zuerst, dann die zuletzt gesehenen.',
    deviceClass: 'Klasse',
    anyClass: 'Jede Klasse',
    access: 'Zugriff',
    anyAccess: 'Jeder Zugriff',
    connection: 'Verbindung',
    anyConnection: 'Verbunden oder nicht',
    connectedNow: 'Jetzt verbunden',
    disconnected: 'Getrennt',
    group: 'Gruppe',
    anyGroup: 'Alle Gruppen',
    device: 'Gerät',
    name: 'Name',
    bus: 'Bus',
    ids: 'Hersteller:Produkt',
    serial: 'Seriennummer',
    decidedBy: 'Entschieden durch',
    lastSeen: 'Zuletzt gesehen',
    firstSeen: 'Zuerst gesehen',
    loadMore: 'Mehr laden',
    loading: 'Wird geladen…',
    none: 'Keine externen Geräte gesehen.',
    shown: (n) => (n === 1 ? '1 externes Gerät angezeigt' : `${n} externe Geräte angezeigt`),
    deletedDevice: 'gelöschtes Gerät',
    failed: 'Die Daten konnten nicht geladen werden',
    logOnly: 'nur protokolliert',
    connected: 'verbunden',
    notConnected: 'getrennt',
    state: 'Gerätekontrolle',
    enforcement: 'Durchsetzung',
    enforce: 'Durchgesetzt',
    logOnlyMode: 'Nur protokollieren: nichts wird blockiert',
    notReported: 'Die Anwendung hat die angeschlossenen Geräte noch nicht gemeldet.',
    policy: 'Angewandte Richtlinie',
    defaults: 'die Voreinstellungen der Anwendung',
    reportedAt: 'Gemeldet',
    accessLog: 'Zugriffsprotokoll',
    when: 'Wann',
    decision: 'Entscheidung',
    trigger: 'Anlass',
    user: 'Benutzer',
    emptyLog: 'Keine Entscheidungen protokolliert.',
    classes: {
      'removable-storage': 'Wechseldatenträger', 'cd-dvd': 'CD/DVD', 'portable-device': 'Mobilgerät',
      printer: 'Drucker', imaging: 'Bildgeräte', bluetooth: 'Bluetooth', 'wifi-adapter': 'WLAN-Adapter', modem: 'Modem',
      'serial-port': 'Serielle Schnittstelle', 'usb-other': 'Anderes USB-Gerät',
    },
    accesses: { blocked: 'Blockiert', 'read-only': 'Nur lesen', allowed: 'Erlaubt' },
    deciders: {
      'trusted-device': 'vertrauenswürdiges Gerät', rule: 'Regel', bus: 'blockierter Bus', 'class-default': 'Klassenvorgabe',
    },
    triggers: { attached: 'angeschlossen', 'policy-changed': 'Richtlinie geändert', rescan: 'neu erfasst' },
  },
};

/** The texts in the console's language, or its base language, or English. */
export function texts(language) {
  return TEXTS[language] || TEXTS[String(language).split('-')[0]] || TEXTS.en;
}

/** Date and time in the console's language; '' for none. */
export function dateTime(language, iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * Creates an element: h('td', { className: 'x' }, 'text', child). Text is always set as text, never as HTML, so
 * nothing a device reports (device names, serial numbers, user names) can inject markup.
 */
export function h(tag, properties, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties || {})) {
    if (value === undefined || value === null) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'className' || name === 'textContent' || name === 'value' || name === 'disabled') {
      element[name] = value;
    } else {
      element.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * A PatternFly table with column headers and one row per item. Its caption is for screen readers (a visible heading
 * already says what the table is); on narrow screens each row stacks, its cells labelled by their column.
 */
export function table(caption, headers, rows) {
  return h('table', { className: 'pf-v6-c-table pf-m-compact pf-m-grid-md device-control-table' },
    h('caption', { className: 'pf-v6-screen-reader' }, caption),
    h('thead', { className: 'pf-v6-c-table__thead' }, h('tr', { className: 'pf-v6-c-table__tr' },
      headers.map((header) => h('th', { className: 'pf-v6-c-table__th', scope: 'col' }, header)))),
    h('tbody', { className: 'pf-v6-c-table__tbody' }, rows.map((cells) => h('tr', { className: 'pf-v6-c-table__tr' },
      cells.map((cell, i) => h('td', { className: 'pf-v6-c-table__td', 'data-label': headers[i] }, cell))))));
}

/** A date and time that does not wrap inside a table cell. */
export function when(language, iso) {
  return h('span', { className: 'device-control-nowrap' }, dateTime(language, iso));
}

/** The access applied, coloured by how restrictive it is; "only logged" when the policy does not enforce it. */
export function accessLabel(t, access, enforced) {
  const tone = access === 'blocked' ? 'danger' : access === 'read-only' ? 'warning' : 'success';
  return h('span', { className: `device-control-access device-control-access-${tone}` },
    t.accesses[access] || access,
    enforced === false && access !== 'allowed' ? h('span', { className: 'device-control-subtle' }, ` (${t.logOnly})`) : null);
}

/** Vendor and product id as one text, e.g. 0781:5581. */
export function ids(item) {
  return item.vendorId ? `${item.vendorId}:${item.productId || '????'}` : '';
}

/** Who decided: the rule's name when a rule did. */
export function decider(t, item) {
  const kind = t.deciders[item.decidedBy] || item.decidedBy;
  return item.rule ? `${kind}: ${item.rule}` : kind;
}

/** Links the plugin's style sheet into the element (removed with the element's content on unmount). */
export function linkStyles(element, context) {
  element.append(h('link', { rel: 'stylesheet', href: `${context.basePath}device-control.css` }));
}

/** An error message for a failed API call, unless the call was cancelled because the module was unmounted. */
export function failure(t, error) {
  if (error && error.name === 'AbortError') return null;
  const detail = error && error.message ? `: ${error.message}` : '';
  return h('p', { className: 'device-control-error', role: 'alert' }, `${t.failed}${detail}`);
}
