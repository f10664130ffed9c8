import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { UserSettings } from '../api/session';
import { createI18n } from '../i18n/language';
import { SessionProvider, type SessionState } from '../session/SessionContext';
import { bodyOf, fakeServer, type FakeCall } from '../testing/fakeServer';
import { jsonResponse, problemResponse, signedInAsAdmin } from '../testing/renderConsole';
import { trainingSteps } from './trainingProgress';
import { TrainingTour } from './TrainingTour';

const total = trainingSteps.length;

/** The tour over the parts of the frame it points at. */
function renderTour(settings: UserSettings = { language: 'en' }) {
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <SessionProvider initialState={{ ...signedInAsAdmin, settings } as SessionState}>
        <div className="pf-v6-c-page__sidebar">
          <a href="/console/overview">Overview</a>
          <a href="/console/events">Events</a>
        </div>
        <main id="garrison-main" />
        <TrainingTour />
      </SessionProvider>
    </I18nextProvider>,
  );
}

const savedProgress = (calls: FakeCall[]) => calls.filter((call) => call.key === 'PUT /me/settings').map((call) => bodyOf(call).trainingProgress as Record<string, unknown>);

describe('Training tour', () => {
  it('walks through the steps by keyboard, pointing at each part, and saves the position', async () => {
    const calls = fakeServer({ 'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))) });
    renderTour();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Training' }));
    const panel = await screen.findByRole('dialog', { name: 'Welcome to Garrison' });
    expect(within(panel).getByText(`Step 1 of ${total}`)).toBeTruthy();
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Next' }));

    await user.keyboard('{ArrowRight}');
    await screen.findByRole('dialog', { name: 'Navigation' });
    expect(document.querySelector('.pf-v6-c-page__sidebar')!.classList.contains('garrison-training-target')).toBe(true);

    await user.keyboard('{ArrowRight}');
    await screen.findByRole('dialog', { name: 'Overview' });
    expect(screen.getByRole('link', { name: 'Overview' }).classList.contains('garrison-training-target')).toBe(true);
    expect(document.querySelector('.pf-v6-c-page__sidebar')!.classList.contains('garrison-training-target')).toBe(false);

    await user.keyboard('{ArrowLeft}');
    await screen.findByRole('dialog', { name: 'Navigation' });
    await waitFor(() => expect(savedProgress(calls).at(-1)).toMatchObject({ version: 1, status: 'active', step: 'navigation' }));
  });

  it('is left with Escape and resumed where it was left', async () => {
    const calls = fakeServer({ 'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))) });
    renderTour({ language: 'en', trainingProgress: { version: 1, status: 'paused', step: 'overview', updatedAt: '2026-11-26T12:00:00Z' } });
    const user = userEvent.setup();

    const start = screen.getByRole('button', { name: `Resume training (step 3 of ${total})` });
    await user.click(start);
    await screen.findByRole('dialog', { name: 'Overview' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('dialog', { name: 'Devices' });
    expect(screen.getByText('This part is not on the screen right now.')).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Resume training (step 4 of ${total})` }));
    await waitFor(() => expect(savedProgress(calls).at(-1)).toMatchObject({ status: 'paused', step: 'devices' }));
  });

  it('finishes at the last step and starts from the beginning next time', async () => {
    const calls = fakeServer({ 'PUT /me/settings': (init) => jsonResponse(JSON.parse(String(init.body))) });
    renderTour({ language: 'en', trainingProgress: { version: 1, status: 'active', step: 'account', updatedAt: '2026-11-26T12:00:00Z' } });
    const user = userEvent.setup();

    const panel = await screen.findByRole('dialog', { name: 'Your account' });
    await user.click(within(panel).getByRole('button', { name: 'Finish' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(savedProgress(calls).at(-1)).toMatchObject({ status: 'done' }));

    await user.click(screen.getByRole('button', { name: 'Training' }));
    expect(await screen.findByRole('dialog', { name: 'Welcome to Garrison' })).toBeTruthy();
  });

  it('goes on when the progress cannot be saved, and says so', async () => {
    fakeServer({ 'PUT /me/settings': () => problemResponse(503, 'Service Unavailable') });
    renderTour();
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Training' }));
    const panel = await screen.findByRole('dialog', { name: 'Welcome to Garrison' });
    expect(await within(panel).findByText('Your progress could not be saved')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('dialog', { name: 'Navigation' })).toBeTruthy();
  });
});
