import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bodyOf, fakeServer } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';

const current = {
  version: '2026-01',
  title: 'Terms of use',
  text: 'Use Garrison responsibly.',
  publishedAt: '2026-01-02T10:00:00Z',
  publishedBy: 'admin',
  acceptedAt: '2026-01-02T10:05:00Z',
};

describe('Legal terms page', () => {
  it('shows the current terms and who accepted them', async () => {
    fakeServer({
      'GET /terms': () => jsonResponse(current),
      'GET /terms/acceptances': () =>
        jsonResponse({ items: [{ accountId: 'a', login: 'jane', version: '2026-01', acceptedAt: '2026-01-03T08:00:00Z' }] }),
    });
    renderConsole('/legal-terms');

    expect(await screen.findByText('Use Garrison responsibly.')).toBeTruthy();
    expect(screen.getByTestId('terms-published').textContent).toContain('Version 2026-01, published by admin');
    const row = (await screen.findByText('jane')).closest('tr')!;
    expect(within(row).getByText('2026-01')).toBeTruthy();
  });

  it('says when no terms are published, and publishes the first version', async () => {
    const calls = fakeServer({
      'GET /terms': [() => problemResponse(404, 'Not Found'), () => jsonResponse({ ...current, version: '1', title: 'Rules', text: 'Be nice.' })],
      'GET /terms/acceptances': () => jsonResponse({ items: [] }),
      'PUT /terms': (init) => jsonResponse({ ...current, ...JSON.parse(String(init.body)) }),
    });
    renderConsole('/legal-terms');
    const user = userEvent.setup();

    expect(await screen.findByText('No legal terms published')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Publish new terms' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Version/), '1');
    await user.type(within(dialog).getByLabelText(/Title/), 'Rules');
    await user.type(within(dialog).getByLabelText(/Text/), 'Be nice.');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    expect(await screen.findByText('Be nice.')).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === 'PUT /terms')!)).toEqual({ version: '1', title: 'Rules', text: 'Be nice.' });
  });
});
