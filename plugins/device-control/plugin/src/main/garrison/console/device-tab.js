// The "External devices" tab of a device: whether Device Control enforces, the external devices seen (blocked ones
// first) and the newest access decisions.

const ui = import(new URL(`./ui.js${new URL(import.meta.url).search}`, import.meta.url));

export async function mount(element, context) {
  const { texts, h, dateTime, when, table, accessLabel, ids, decider, linkStyles, failure } = await ui;
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

  const fact = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
  const state = h('section', { className: 'device-control-section', 'aria-labelledby': 'device-control-state' },
    h('h2', { id: 'device-control-state', className: 'pf-v6-c-title pf-m-lg' }, t.state),
    device.snapshotAt
      ? h('dl', { className: 'device-control-facts' },
        fact(t.enforcement, device.enforcement === 'log-only' ? t.logOnlyMode : t.enforce),
        fact(t.policy, device.policyHash ? h('span', { className: 'device-control-mono' }, device.policyHash) : t.defaults),
        fact(t.reportedAt, dateTime(context.language, device.snapshotAt)))
      : h('p', {}, t.notReported));

  const seen = h('section', { className: 'device-control-section', 'aria-labelledby': 'device-control-devices' },
    h('h2', { id: 'device-control-devices', className: 'pf-v6-c-title pf-m-lg' }, t.externalDevices),
    device.externalDevices.length === 0 ? h('p', {}, t.none) : table(t.externalDevices,
      [t.access, t.name, t.deviceClass, t.bus, t.ids, t.serial, t.decidedBy, t.connection, t.firstSeen, t.lastSeen],
      device.externalDevices.map((item) => [
        accessLabel(t, item.access, item.enforced), item.name, t.classes[item.deviceClass] || item.deviceClass,
        item.bus, h('span', { className: 'device-control-mono' }, ids(item)),
        h('span', { className: 'device-control-mono' }, item.serialNumber || ''), decider(t, item),
        item.connected ? t.connected : t.notConnected,
        when(context.language, item.firstSeen), when(context.language, item.lastSeen),
      ])));

  const log = h('section', { className: 'device-control-section', 'aria-labelledby': 'device-control-log' },
    h('h2', { id: 'device-control-log', className: 'pf-v6-c-title pf-m-lg' }, t.accessLog),
    device.accessLog.length === 0 ? h('p', {}, t.emptyLog) : table(t.accessLog,
      [t.when, t.decision, t.name, t.deviceClass, t.ids, t.decidedBy, t.trigger, t.user],
      device.accessLog.map((entry) => [
        when(context.language, entry.at), accessLabel(t, entry.decision, entry.enforced), entry.name,
        t.classes[entry.deviceClass] || entry.deviceClass, h('span', { className: 'device-control-mono' }, ids(entry)),
        decider(t, entry), t.triggers[entry.trigger] || entry.trigger, entry.userAccount || '',
      ])));

  body.replaceChildren(state, seen, log);
  body.removeAttribute('aria-busy');
}

export function unmount(element) {
  element.replaceChildren();
}
