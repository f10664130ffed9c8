// The "Greetings" page: the last greeting of every device, newest first.
// The sibling module is imported with this module's version query, so an upgrade loads both anew.
const shared = import(new URL(`./texts.js${new URL(import.meta.url).search}`, import.meta.url));

export async function mount(element, context) {
  const { texts, h, dateTime, failure } = await shared;
  const t = texts(context.language);
  element.append(h('h1', t.title));
  let greetings;
  try {
    greetings = await context.api.get(`/plugins/${context.pluginId}/resources/greetings?limit=100`,
      { signal: context.signal });
  } catch (error) {
    const message = failure(t, error);
    if (message) {
      element.append(message);
    }
    return;
  }
  if (greetings.length === 0) {
    element.append(h('p', t.none));
    return;
  }
  const rows = greetings.map((g) => {
    const link = h('a', g.deviceId);
    link.href = `/console/devices/${g.deviceId}`;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      context.navigate(`/devices/${g.deviceId}`);
    }, { signal: context.signal });
    return h('tr', null, h('td', null, link), h('td', g.lastGreeting), h('td', g.count),
      h('td', dateTime(context.language, g.reportedAt)));
  });
  element.append(h('table', null,
    h('thead', null, h('tr', null, h('th', t.device), h('th', t.greeting), h('th', t.count), h('th', t.reportedAt))),
    h('tbody', null, ...rows)));
}

export function unmount(element) {
  element.replaceChildren();
}
