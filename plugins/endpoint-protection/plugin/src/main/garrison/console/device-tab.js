// The "Protection" tab of a device: its protection and scan state, licence keys, threats and quarantine.

const ui = import(new URL(`./ui.js${new URL(import.meta.url).search}`, import.meta.url));

export async function mount(element, context) {
  const { texts, h, dateTime, when, bytes, table, statusLabel, linkStyles, failure } = await ui;
  const t = texts(context.language);
  const resources = `/plugins/${context.pluginId}/resources`;
  linkStyles(element, context);
  const body = h('div', { 'aria-busy': 'true' }, h('p', {}, t.loading));
  element.append(body);

  let device;
  try {
    device = await context.api.get(`${resources}/devices/${context.deviceId}`, { signal: context.signal });
  } catch (error) {
    const message = failure(t, error);
    body.replaceChildren(...(message ? [message] : []));
    body.removeAttribute('aria-busy');
    return;
  }

  const date = (iso) => (iso ? dateTime(context.language, iso) : t.never);
  const fact = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
  const key = (k) => (k
    ? `${k.keyId} (${k.type}${k.expiresAt ? `, ${t.expires} ${dateTime(context.language, k.expiresAt)}` : ''}`
      + `${k.devicesLimit ? `, ${k.devicesLimit} ${t.devicesLimit}` : ''})`
    : t.noKey);

  const scan = device.scan;
  const protection = h('section', { className: 'endpoint-protection-section', 'aria-labelledby': 'endpoint-protection-state' },
    h('h2', { id: 'endpoint-protection-state', className: 'pf-v6-c-title pf-m-lg' }, t.protection),
    scan
      ? h('dl', { className: 'endpoint-protection-facts' },
        fact(t.realTime, t.protectionStates[scan.realTimeProtection] || scan.realTimeProtection),
        fact(t.lastFullScan, date(scan.lastFullScan)),
        fact(t.lastQuickScan, date(scan.lastQuickScan)),
        fact(t.databases, date(scan.databasesReleasedAt)),
        fact(t.threatsDetected, String(device.threats.detected)),
        fact(t.notDisinfected, String(device.threats.notDisinfected)),
        fact(t.reportedAt, date(scan.reportedAt)))
      : h('p', {}, t.notReported),
    scan && scan.components.length > 0
      ? table(t.components, [t.component, t.version, t.status],
        scan.components.map((c) => [c.name, c.version || '', c.status]))
      : null);

  const licence = h('section', { className: 'endpoint-protection-section', 'aria-labelledby': 'endpoint-protection-licence' },
    h('h2', { id: 'endpoint-protection-licence', className: 'pf-v6-c-title pf-m-lg' }, t.licence),
    h('dl', { className: 'endpoint-protection-facts' },
      fact(t.activeKey, key(device.licence && device.licence.active)),
      fact(t.reserveKey, key(device.licence && device.licence.reserve))));

  const threats = h('section', { className: 'endpoint-protection-section', 'aria-labelledby': 'endpoint-protection-threats' },
    h('h2', { id: 'endpoint-protection-threats', className: 'pf-v6-c-title pf-m-lg' }, t.threats),
    device.threats.recent.length === 0 ? h('p', {}, t.none) : table(t.threats,
      [t.detectedAt, t.threat, t.type, t.object, t.action, t.status],
      device.threats.recent.map((threat) => [
        when(context.language, threat.detectedAt), threat.threatName, threat.threatType,
        h('span', { className: 'endpoint-protection-path' }, threat.objectPath),
        t.actions[threat.actionTaken] || threat.actionTaken,
        statusLabel(t, threat.status),
      ])));

  const quarantine = h('section', { className: 'endpoint-protection-section', 'aria-labelledby': 'endpoint-protection-quarantine' },
    h('h2', { id: 'endpoint-protection-quarantine', className: 'pf-v6-c-title pf-m-lg' }, t.quarantine),
    device.quarantine.length === 0 ? h('p', {}, t.emptyQuarantine) : table(t.quarantine,
      [t.storage, t.file, t.originalPath, t.size, t.storedAt, t.threat],
      device.quarantine.map((entry) => [
        t.storages[entry.storage] || entry.storage, entry.fileName,
        h('span', { className: 'endpoint-protection-path' }, entry.originalPath),
        bytes(context.language, entry.sizeBytes), when(context.language, entry.storedAt),
        entry.threatName || '',
      ])));

  body.replaceChildren(protection, licence, threats, quarantine);
  body.removeAttribute('aria-busy');
}

export function unmount(element) {
  element.replaceChildren();
}
