// Shared by the Endpoint Protection page and device tab: texts, formats, small DOM helpers and the style sheet.
// Plain ES module, no build step. The pages import it with their own version query (see load() in each page), so an
// upgraded plugin never mixes a new page with an old copy of this file.

const TEXTS = {
  en: {
    threats: 'Threats',
    threatsIntro: 'Threats the Endpoint Protection application found on the devices, newest first.',
    status: 'Status',
    anyStatus: 'Any status',
    group: 'Group',
    anyGroup: 'All groups',
    detectedAt: 'Detected',
    device: 'Device',
    threat: 'Threat',
    type: 'Type',
    object: 'Object',
    action: 'Action taken',
    loadMore: 'Load more',
    loading: 'Loading…',
    none: 'No threats found.',
    shown: (n) => (n === 1 ? '1 threat shown' : `${n} threats shown`),
    deletedDevice: 'deleted device',
    failed: 'Could not load the data',
    protection: 'Protection',
    realTime: 'Real-time protection',
    lastFullScan: 'Last full scan',
    lastQuickScan: 'Last quick scan',
    databases: 'Databases released',
    reportedAt: 'Reported',
    components: 'Components',
    component: 'Component',
    version: 'Version',
    never: 'never',
    notReported: 'The application has not reported its state yet.',
    threatsDetected: 'Threats detected',
    notDisinfected: 'Objects not disinfected',
    quarantine: 'Quarantine and backup',
    storage: 'Storage',
    file: 'File',
    originalPath: 'Original path',
    size: 'Size',
    storedAt: 'Stored',
    emptyQuarantine: 'Quarantine and backup are empty.',
    licence: 'Licence',
    activeKey: 'Active key',
    reserveKey: 'Reserve key',
    expires: 'expires',
    devicesLimit: 'devices',
    noKey: 'none',
    statuses: {
      detected: 'Detected', disinfected: 'Disinfected', quarantined: 'Quarantined', deleted: 'Deleted',
      'not-disinfected': 'Not disinfected',
    },
    protectionStates: {
      on: 'On', off: 'Off', paused: 'Paused', starting: 'Starting', 'not-supported': 'Not supported',
    },
    storages: { quarantine: 'Quarantine', backup: 'Backup' },
    actions: {
      disinfected: 'disinfected', quarantined: 'quarantined', deleted: 'deleted', blocked: 'blocked',
      reported: 'reported', none: 'none',
    },
  },
  de: {
    threats: 'Bedrohungen',
    threatsIntro: 'Bedrohungen, die die Anwendung Endpoint Protection auf den Geräten gefunden hat, neueste zuerst.',
    status: 'Status',
    anyStatus: 'Jeder Status',
    group: 'Gruppe',
    anyGroup: 'Alle Gruppen',
    detectedAt: 'Gefunden',
    device: 'Gerät',
    threat: 'Bedrohung',
    type: 'Typ',
    object: 'Objekt',
    action: 'Aktion',
    loadMore: 'Mehr laden',
    loading: 'Wird geladen…',
    none: 'Keine Bedrohungen gefunden.',
    shown: (n) => (n === 1 ? '1 Bedrohung angezeigt' : `${n} Bedrohungen angezeigt`),
    deletedDevice: 'gelöschtes Gerät',
    failed: 'Die Daten konnten nicht geladen werden',
    protection: 'Schutz',
    realTime: 'Echtzeitschutz',
    lastFullScan: 'Letzte vollständige Untersuchung',
    lastQuickScan: 'Letzte Schnelluntersuchung',
    databases: 'Datenbanken vom',
    reportedAt: 'Gemeldet',
    components: 'Komponenten',
    component: 'Komponente',
    version: 'Version',
    never: 'nie',
    notReported: 'Die Anwendung hat ihren Zustand noch nicht gemeldet.',
    threatsDetected: 'Gefundene Bedrohungen',
    notDisinfected: 'Nicht desinfizierte Objekte',
    quarantine: 'Quarantäne und Sicherung',
    storage: 'Speicher',
    file: 'Datei',
    originalPath: 'Ursprünglicher Pfad',
    size: 'Größe',
    storedAt: 'Gespeichert',
    emptyQuarantine: 'Quarantäne und Sicherung sind leer.',
    licence: 'Lizenz',
    activeKey: 'Aktiver Schlüssel',
    reserveKey: 'Reserveschlüssel',
    expires: 'läuft ab',
    devicesLimit: 'Geräte',
    noKey: 'keiner',
    statuses: {
      detected: 'Gefunden', disinfected: 'Desinfiziert', quarantined: 'In Quarantäne', deleted: 'Gelöscht',
      'not-disinfected': 'Nicht desinfiziert',
    },
    protectionStates: {
      on: 'Ein', off: 'Aus', paused: 'Angehalten', starting: 'Startet', 'not-supported': 'Nicht unterstützt',
    },
    storages: { quarantine: 'Quarantäne', backup: 'Sicherung' },
    actions: {
      disinfected: 'desinfiziert', quarantined: 'in Quarantäne verschoben', deleted: 'gelöscht', blocked: 'blockiert',
      reported: 'gemeldet', none: 'keine',
    },
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

export function bytes(language, count) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Number(count);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/**
 * Creates an element: h('td', { className: 'x' }, 'text', child). Text is always set as text, never as HTML, so
 * nothing a device reports (file paths, threat names) can inject markup.
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
  return h('table', { className: 'pf-v6-c-table pf-m-compact pf-m-grid-md endpoint-protection-table' },
    h('caption', { className: 'pf-v6-screen-reader' }, caption),
    h('thead', { className: 'pf-v6-c-table__thead' }, h('tr', { className: 'pf-v6-c-table__tr' },
      headers.map((header) => h('th', { className: 'pf-v6-c-table__th', scope: 'col' }, header)))),
    h('tbody', { className: 'pf-v6-c-table__tbody' }, rows.map((cells) => h('tr', { className: 'pf-v6-c-table__tr' },
      cells.map((cell, i) => h('td', { className: 'pf-v6-c-table__td', 'data-label': headers[i] }, cell))))));
}

/** A date and time that does not wrap inside a table cell. */
export function when(language, iso) {
  return h('span', { className: 'endpoint-protection-nowrap' }, dateTime(language, iso));
}

/** A status label coloured by how bad it is. */
export function statusLabel(t, status) {
  const tone = status === 'not-disinfected' ? 'danger' : status === 'detected' ? 'warning' : 'success';
  return h('span', { className: `endpoint-protection-status endpoint-protection-status-${tone}` },
    t.statuses[status] || status);
}

/** Links the plugin's style sheet into the element (removed with the element's content on unmount). */
export function linkStyles(element, context) {
  element.append(h('link', { rel: 'stylesheet', href: `${context.basePath}endpoint-protection.css` }));
}

/** An error message for a failed API call, unless the call was cancelled because the module was unmounted. */
export function failure(t, error) {
  if (error && error.name === 'AbortError') return null;
  const detail = error && error.message ? `: ${error.message}` : '';
  return h('p', { className: 'endpoint-protection-error', role: 'alert' }, `${t.failed}${detail}`);
}
