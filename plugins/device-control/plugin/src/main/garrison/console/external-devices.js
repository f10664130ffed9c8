// The "External devices" page: every external device seen across the fleet, blocked ones first, filtered by class,
// access, connection and group, paged.

const ui = import(new URL(`./ui.js${new URL(import.meta.url).search}`, import.meta.url));

export async function mount(element, context) {
  const { texts, h, when, table, accessLabel, ids, decider, linkStyles, failure } = await ui;
  const t = texts(context.language);
  const base = `/plugins/${context.pluginId}/resources/external-devices`;
  linkStyles(element, context);

  const select = (id, anyLabel, options) => h('select', { id, className: 'pf-v6-c-form-control' },
    h('option', { value: '' }, anyLabel),
    options.map(([value, label]) => h('option', { value }, label)));
  const field = (id, label, control) => h('div', { className: 'device-control-field' },
    h('label', { for: id }, label), control);
  const classSelect = select('device-control-class', t.anyClass, Object.entries(t.classes));
  const accessSelect = select('device-control-access', t.anyAccess, Object.entries(t.accesses));
  const connectedSelect = select('device-control-connected', t.anyConnection,
    [['true', t.connectedNow], ['false', t.disconnected]]);
  const groupSelect = select('device-control-group', t.anyGroup, []);
  const groupField = field('device-control-group', t.group, groupSelect);
  const results = h('div', {});
  const summary = h('p', { className: 'device-control-subtle', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', className: 'pf-v6-c-button pf-m-secondary', hidden: '' }, t.loadMore);
  element.append(
    h('h1', { className: 'pf-v6-c-title pf-m-2xl' }, t.externalDevices),
    h('p', { className: 'device-control-subtle' }, t.intro),
    h('form', { className: 'device-control-filters', role: 'search', onsubmit: (e) => e.preventDefault() },
      field('device-control-class', t.deviceClass, classSelect),
      field('device-control-access', t.access, accessSelect),
      field('device-control-connected', t.connection, connectedSelect),
      groupField),
    summary, results, more);

  let rows = [];
  let cursor = null;
  let generation = 0;

  function render() {
    results.replaceChildren(rows.length === 0 ? h('p', {}, t.none) : table(t.externalDevices,
      [t.access, t.device, t.name, t.deviceClass, t.bus, t.ids, t.serial, t.decidedBy, t.lastSeen],
      rows.map((item) => [
        accessLabel(t, item.access, item.enforced),
        item.deviceName
          ? h('a', { href: `/console/devices/${item.deviceId}`, onclick: (event) => {
            event.preventDefault();
            context.navigate(`/devices/${item.deviceId}`);
          } }, item.deviceName)
          : h('span', { className: 'device-control-subtle' }, t.deletedDevice),
        h('span', {}, item.name, item.connected ? null
          : h('span', { className: 'device-control-subtle' }, ` (${t.notConnected})`)),
        t.classes[item.deviceClass] || item.deviceClass,
        item.bus,
        h('span', { className: 'device-control-mono' }, ids(item)),
        h('span', { className: 'device-control-mono' }, item.serialNumber || ''),
        decider(t, item),
        when(context.language, item.lastSeen),
      ])));
    summary.textContent = t.shown(rows.length);
    if (cursor) more.removeAttribute('hidden'); else more.setAttribute('hidden', '');
  }

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    const query = new URLSearchParams({ limit: '50' });
    if (classSelect.value) query.set('class', classSelect.value);
    if (accessSelect.value) query.set('access', accessSelect.value);
    if (connectedSelect.value) query.set('connected', connectedSelect.value);
    if (groupSelect.value) query.set('group', groupSelect.value);
    if (!reset && cursor) query.set('cursor', cursor);
    more.disabled = true;
    summary.textContent = t.loading;
    try {
      const page = await context.api.get(`${base}?${query}`, { signal: context.signal });
      if (mine !== generation) return;
      rows = reset ? page.items : rows.concat(page.items);
      cursor = page.nextCursor || null;
      render();
    } catch (error) {
      const message = failure(t, error);
      if (message && mine === generation) {
        summary.textContent = '';
        results.replaceChildren(message);
      }
    } finally {
      more.disabled = false;
    }
  }

  for (const control of [classSelect, accessSelect, connectedSelect, groupSelect]) {
    control.addEventListener('change', () => load(true), { signal: context.signal });
  }
  more.addEventListener('click', () => load(false), { signal: context.signal });

  // the group filter needs groups.read; without it the page works on, without that filter
  context.api.get('/groups?limit=1000', { signal: context.signal }).then((page) => {
    page.items.forEach((group) => groupSelect.append(h('option', { value: group.id }, group.name)));
  }).catch(() => groupField.setAttribute('hidden', ''));

  await load(true);
}

export function unmount(element) {
  element.replaceChildren();
}
