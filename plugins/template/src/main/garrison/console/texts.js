// The module's texts by language; the console gives the admin's language in context.language.
const TEXTS = {
  en: {
    title: 'Greetings', device: 'Device', greeting: 'Last greeting', count: 'Greetings said', reportedAt: 'Reported',
    none: 'No device has reported a greeting yet.', notReported: 'This device has not reported a greeting yet.',
    failed: 'The greetings cannot be shown',
  },
  de: {
    title: 'Grüße', device: 'Gerät', greeting: 'Letzter Gruß', count: 'Grüße gesagt', reportedAt: 'Gemeldet',
    none: 'Noch kein Gerät hat einen Gruß gemeldet.', notReported: 'Dieses Gerät hat noch keinen Gruß gemeldet.',
    failed: 'Die Grüße können nicht angezeigt werden',
  },
};

export function texts(language) {
  return TEXTS[language] || TEXTS[String(language).split('-')[0]] || TEXTS.en;
}

// Builds an element; text goes in as text, never as HTML.
export function h(tag, text, ...children) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) {
    element.textContent = String(text);
  }
  element.append(...children);
  return element;
}

export function dateTime(language, iso) {
  return new Date(iso).toLocaleString(language);
}

// An API error as a message, or null for a cancelled call (the module was unmounted).
export function failure(t, error) {
  if (error && error.name === 'AbortError') {
    return null;
  }
  return h('p', `${t.failed}: ${error && error.message ? error.message : error}`);
}
