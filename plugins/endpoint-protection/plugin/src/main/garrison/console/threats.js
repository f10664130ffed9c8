// The "Threats" page: every threat found across the fleet, newest first, filtered by status and group, paged.

const ui = import(new URL(`./ui.js${new URL(import.meta.url).search}`, import.meta.url));

export async function mount(element, context) {
  const { texts, h, when, table, statusLabel, linkStyles, failure } = await ui;
  const t = texts(context.language);
  const base = `/plugins/${context.pluginId}/resources/threats`;
  linkStyles(element, context);

  const statusSelect = h('select', { id: 'endpoint-protection-status', className: 'pf-v6-c-form-control' },
    h('option', { value: '' }, t.anyStatus),
    Object.entries(t.statuses).map(([value, label]) => h('option', { value }, label)));
  const groupSelect = h('select', { id: 'endpoint-protection-group', className: 'pf-v6-c-form-control' },
    h('option', { value: '' }, t.anyGroup));
  const groupField = h('div', { className: 'endpoint-protection-field' },
    h('label', { for: 'endpoint-protection-group' }, t.group), groupSelect);
  const results = h('div', {});
  const summary = h('p', { className: 'endpoint-protection-subtle', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', className: 'pf-v6-c-button pf-m-secondary', hidden: '' }, t.loadMore);
  element.append(
    h('h1', { className: 'pf-v6-c-title pf-m-2xl' }, t.threats),
    h('p', { className: 'endpoint-protection-subtle' }, t.threatsIntro),
    h('form', { className: 'endpoint-protection-filters', role: 'search', onsubmit: (e) => e.preventDefault() },
      h('div', { className: 'endpoint-protection-field' },
        h('label', { for: 'endpoint-protection-status' }, t.status), statusSelect),
      groupField),
    summary, results, more);

  let rows = [];
  let cursor = null;
  let generation = 0;

  function render() {
    results.replaceChildren(rows.length === 0 ? h('p', {}, t.none) : table(t.threats,
      [t.detectedAt, t.device, t.threat, t.type, t.object, t.action, t.status],
      rows.map((threat) => [
        when(context.language, threat.detectedAt),
        threat.deviceName
          ? h('a', { href: `/console/devices/${threat.deviceId}`, onclick: (event) => {
            event.preventDefault();
            context.navigate(`/devices/${threat.deviceId}`);
          } }, threat.deviceName)
          : h('span', { className: 'endpoint-protection-subtle' }, t.deletedDevice),
        threat.threatName,
        threat.threatType,
        h('span', { className: 'endpoint-protection-path' }, threat.objectPath),
        t.actions[threat.actionTaken] || threat.actionTaken,
        statusLabel(t, threat.status),
      ])));
    summary.textContent = t.shown(rows.length);
    if (cursor) more.removeAttribute('hidden'); else more.setAttribute('hidden', '');
  }

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    const query = new URLSearchParams({ limit: '50' });
    if (statusSelect.value) query.set('status', statusSelect.value);
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

  statusSelect.addEventListener('change', () => load(true), { signal: context.signal });
  groupSelect.addEventListener('change', () => load(true), { signal: context.signal });
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
