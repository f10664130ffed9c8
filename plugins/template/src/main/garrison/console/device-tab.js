// The "Hello" tab of a device: its last greeting.
const shared = import(new URL(`./texts.js${new URL(import.meta.url).search}`, import.meta.url));

export async function mount(element, context) {
  const { texts, h, dateTime, failure } = await shared;
  const t = texts(context.language);
  let greeting;
  try {
    greeting = await context.api.get(`/plugins/${context.pluginId}/resources/greetings/${context.deviceId}`,
      { signal: context.signal });
  } catch (error) {
    if (error && error.status === 404) {
      element.append(h('p', t.notReported));
      return;
    }
    const message = failure(t, error);
    if (message) {
      element.append(message);
    }
    return;
  }
  element.append(h('dl', null,
    h('dt', t.greeting), h('dd', greeting.lastGreeting),
    h('dt', t.count), h('dd', greeting.count),
    h('dt', t.reportedAt), h('dd', dateTime(context.language, greeting.reportedAt))));
}

export function unmount(element) {
  element.replaceChildren();
}
