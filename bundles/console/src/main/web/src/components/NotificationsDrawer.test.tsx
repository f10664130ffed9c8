import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { UserSettings } from '../api/session';
import { createI18n } from '../i18n/language';
import { SessionProvider, type SessionState } from '../session/SessionContext';
import { bodyOf, fakeServer } from '../testing/fakeServer';
import { adminMe, jsonResponse, problemResponse, signedInAsAdmin } from '../testing/renderConsole';
import { NotificationsDrawer } from './NotificationsDrawer';

const event = (id: string, severity: string, minute: number) => ({
  id,
  occurredAt: `2026-11-26T12:${minute}:00Z`,
  receivedAt: `2026-11-26T12:${minute}:01Z`,
  source: 'com.example.backup',
  type: 'backup-failed',
  severity,
  description: `Backup ${id} failed`,
});
const events = { items: [event('e3', 'warning', 30), event('e2', 'critical', 20), event('e1', 'warning', 10)] };

function renderDrawer(settings: UserSettings | undefined = { language: 'en', theme: 'system', notificationsRead: [] }, session: SessionState = signedInAsAdmin) {
  const state = session.status === 'signed-in' ? { ...session, settings } : session;
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <SessionProvider initialState={state}>
        <MemoryRouter>
          <NotificationsDrawer />
        </MemoryRouter>
      </SessionProvider>
    </I18nextProvider>,
  );
}

describe('Notifications drawer', () => {
  it('shows the unread count of the recent critical events and warnings', async () => {
    const calls = fakeServer({ 'GET /events': () => jsonResponse(events) });
    renderDrawer({ language: 'en', notificationsRead: ['e1'] });

    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' }, { timeout: 5000 })).toBeTruthy();
    const query = new URL(calls[0]!.url, 'https://x').searchParams;
    expect(query.get('severity')).toBe('critical,warning');
    expect(query.get('limit')).toBe('20');
  });

  it('marks one read and keeps it in the account settings beside the other settings', async () => {
    const calls = fakeServer({
      'GET /events': () => jsonResponse(events),
      'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))),
    });
    renderDrawer({ language: 'en', theme: 'dark', notificationsRead: [] });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Notifications, 3 unread' }, { timeout: 5000 }));
    const drawer = screen.getByRole('dialog', { name: 'Notifications' });
    const items = within(drawer).getAllByRole('listitem');
    expect(within(items[0]!).getByText('Backup e3 failed')).toBeTruthy();
    await user.click(within(drawer).getByRole('button', { name: 'Mark Backup e2 failed read' }));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Notifications, 2 unread' })).toBeTruthy());
    const saved = bodyOf(calls.find((call) => call.key === 'PUT /me/settings')!);
    expect(saved).toEqual({ language: 'en', theme: 'dark', notificationsRead: ['e2'] });
    expect(within(drawer).queryByRole('button', { name: 'Mark Backup e2 failed read' })).toBeNull();
  });

  it('marks all read with one entry, and counts later events as unread again', async () => {
    const calls = fakeServer({
      'GET /events': () => jsonResponse(events),
      'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))),
    });
    renderDrawer();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Notifications, 3 unread' }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));

    await waitFor(() => expect(screen.getByRole('button', { name: 'Notifications' })).toBeTruthy());
    expect(bodyOf(calls.find((call) => call.key === 'PUT /me/settings')!).notificationsRead).toEqual(['read-until:2026-11-26T12:30:01.000Z']);
  });

  it('keeps the read state on screen and says so when it cannot be saved', async () => {
    fakeServer({
      'GET /events': () => jsonResponse(events),
      'PUT /me/settings': () => problemResponse(503, 'Service Unavailable', { detail: 'The database cannot be reached' }),
    });
    renderDrawer();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Notifications, 3 unread' }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: 'Mark Backup e1 failed read' }));

    expect(await screen.findByText('The read state could not be saved')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Notifications, 2 unread' })).toBeTruthy();
  });

  it('closes on Escape and gives the focus back to the bell', async () => {
    fakeServer({ 'GET /events': () => jsonResponse({ items: [] }) });
    renderDrawer();
    const user = userEvent.setup();

    const bell = await screen.findByRole('button', { name: 'Notifications' }, { timeout: 5000 });
    await user.click(bell);
    expect(await screen.findByText('No critical events or warnings.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(bell);
  });

  it('closes when the admin clicks elsewhere, and keeps the focus in it after marking one read', async () => {
    fakeServer({
      'GET /events': () => jsonResponse(events),
      'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))),
    });
    renderDrawer();
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Notifications, 3 unread' }, { timeout: 5000 }));
    const drawer = screen.getByRole('dialog', { name: 'Notifications' });
    await user.click(within(drawer).getByRole('button', { name: 'Mark Backup e3 failed read' }));
    expect(document.activeElement).toBe(drawer);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Notifications, 2 unread' }));
    await user.click(document.body);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is not there for an account that may not read events', () => {
    const calls = fakeServer({});
    const withoutEvents = { ...adminMe, permissions: { 'devices.read': { everywhere: true, roots: [] } } };
    renderDrawer(undefined, { ...signedInAsAdmin, me: withoutEvents } as SessionState);
    expect(screen.queryByRole('button', { name: /Notifications/ })).toBeNull();
    expect(calls).toHaveLength(0);
  });
});
