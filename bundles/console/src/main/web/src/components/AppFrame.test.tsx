import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../testing/fakeServer';
import { jsonResponse, renderConsole } from '../testing/renderConsole';

describe('AppFrame', () => {
  it('switches to the dark theme and remembers it', async () => {
    const user = userEvent.setup();
    renderConsole('/nowhere');

    await user.click(await screen.findByRole('button', { name: 'Dark' }));

    expect(document.documentElement.classList.contains('pf-v6-theme-dark')).toBe(true);
    expect(localStorage.getItem('garrison.theme')).toBe('dark');
    expect(screen.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('switches the language from the keyboard and remembers it', async () => {
    const user = userEvent.setup();
    renderConsole('/nowhere');

    (await screen.findByRole('button', { name: 'Language: English' })).focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('option', { name: 'Deutsch' });
    // The first arrow key moves focus from the toggle into the list (onto English), the second onto Deutsch.
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sprache: Deutsch' })).toBeTruthy();
    expect(localStorage.getItem('garrison.language')).toBe('de');
    expect(document.documentElement.lang).toBe('de');
  });

  it('names each landmark of the frame apart from the titles pages use, in German', async () => {
    renderConsole('/nowhere', 'de');

    expect(await screen.findByRole('banner', { name: 'Kopfzeile der Konsole' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Seiteninhalt' })).toBeTruthy();
    const navigation = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(within(navigation).getByRole('region', { name: 'Überwachungsseiten' })).toBeTruthy();
    expect(within(navigation).getByRole('region', { name: 'Verwaltungsseiten' })).toBeTruthy();
    // The group's title stays visible; only its region's name differs from it (the overview calls a region "Überwachung").
    expect(within(navigation).getByRole('heading', { name: 'Überwachung' })).toBeTruthy();
    expect(within(navigation).queryByRole('region', { name: 'Überwachung' })).toBeNull();
  });

  it('shows the unread critical events and the training tour in the masthead', async () => {
    const calls = fakeServer({
      'GET /events': () =>
        jsonResponse({
          items: [
            {
              id: 'e1',
              occurredAt: '2026-11-26T09:00:00Z',
              receivedAt: '2026-11-26T09:00:01Z',
              source: 'core',
              type: 'device-status-changed',
              severity: 'critical',
              description: 'ws-0042 is critical',
              payload: {},
            },
          ],
          nextCursor: null,
        }),
    });
    renderConsole('/nowhere', 'en', { frameExtras: true });

    expect(await screen.findByRole('button', { name: /1 unread/i })).toBeTruthy();
    expect(calls.some((call) => call.key === 'GET /events')).toBe(true);
  });
});
