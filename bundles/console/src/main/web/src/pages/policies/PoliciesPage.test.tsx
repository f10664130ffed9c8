import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bodyOf, fakeServer, noContent } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { application, berlin, berlinPolicy, managed, plugin, policyId, policyWriter, tree } from './policyFixtures';

const company = { ...berlinPolicy, id: 'c0000000-0000-4000-8000-000000000002', name: 'Company', groupId: managed, profiles: [], state: 'INACTIVE' };

describe('Policies page', { timeout: 30_000 }, () => {
  it('lists policies with their application, group and state, filters kept in the URL and sent to the server', async () => {
    const calls = fakeServer({
      'GET /policies': () => jsonResponse({ items: [berlinPolicy, { ...company, problems: [{ field: 'settings/x', message: 'is not allowed' }] }], nextCursor: null, total: 2 }),
      'GET /plugins': () => jsonResponse([plugin]),
      'GET /groups/tree': () => jsonResponse(tree),
    });
    renderConsole(`/policies?group=${berlin}&invalid=true`, 'en', { session: policyWriter });
    const user = userEvent.setup();

    const row = await screen.findByTestId(`policy-row-${policyId}`, {}, { timeout: 10_000 });
    expect(within(row).getByRole('link', { name: 'Berlin AV' }).getAttribute('href')).toBe(`/policies/${policyId}`);
    expect(within(row).getByText('Endpoint Protection')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Berlin' }).getAttribute('href')).toBe(`/groups/${berlin}`);
    expect(within(row).getByText('Active')).toBeTruthy();
    expect(within(screen.getByTestId(`policy-row-${company.id}`)).getByText('1 problem')).toBeTruthy();
    expect(screen.getByText('2 policies')).toBeTruthy();
    expect(calls.find((call) => call.key === 'GET /policies')!.url).toContain(`group=${berlin}`);
    expect(calls.find((call) => call.key === 'GET /policies')!.url).toContain('invalid=true');
    // A group takes in its subgroups unless the switch is turned off.
    expect(calls.find((call) => call.key === 'GET /policies')!.url).toContain('subtree=true');
    const subtree = screen.getByRole('switch', { name: 'Include subgroups' }) as HTMLInputElement;
    expect(subtree.checked).toBe(true);
    await user.click(subtree);
    await waitFor(() => expect(calls.filter((call) => call.key === 'GET /policies').at(-1)!.url).not.toContain('subtree'));
    expect(calls.filter((call) => call.key === 'GET /policies').at(-1)!.url).toContain(`group=${berlin}`);
    expect((screen.getByRole('switch', { name: 'Include subgroups' }) as HTMLInputElement).checked).toBe(false);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by state' }), 'OUT_OF_OFFICE');
    await waitFor(() => expect(calls.filter((call) => call.key === 'GET /policies').at(-1)!.url).toContain('state=OUT_OF_OFFICE'));
    expect(calls.filter((call) => call.key === 'GET /policies').at(-1)!.url).toContain(`group=${berlin}`);
    expect(calls.filter((call) => call.key === 'GET /policies').at(-1)!.url).not.toContain('subtree');

    // Without a group there are no subgroups to take in.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by group' }), 'All groups');
    await waitFor(() => expect(calls.filter((call) => call.key === 'GET /policies').at(-1)!.url).not.toContain('group='));
    expect((screen.getByRole('switch', { name: 'Include subgroups' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('opens with the subgroups switched off when the URL says so', async () => {
    const calls = fakeServer({
      'GET /policies': () => jsonResponse({ items: [berlinPolicy], nextCursor: null, total: 1 }),
      'GET /plugins': () => jsonResponse([plugin]),
      'GET /groups/tree': () => jsonResponse(tree),
    });
    renderConsole(`/policies?group=${managed}&subtree=false`, 'en', { session: policyWriter });

    await screen.findByTestId(`policy-row-${policyId}`, {}, { timeout: 10_000 });
    expect((screen.getByRole('switch', { name: 'Include subgroups' }) as HTMLInputElement).checked).toBe(false);
    const url = calls.find((call) => call.key === 'GET /policies')!.url;
    expect(url).toContain(`group=${managed}`);
    expect(url).not.toContain('subtree');
  });

  it('makes a policy the out-of-office one by saving it in that state at its revision, and deletes one after asking', async () => {
    const calls = fakeServer({
      'GET /policies': () => jsonResponse({ items: [berlinPolicy], nextCursor: null, total: 1 }),
      'GET /plugins': () => jsonResponse([plugin]),
      'GET /groups/tree': () => jsonResponse(tree),
      [`PUT /policies/${policyId}`]: () => jsonResponse({ ...berlinPolicy, state: 'OUT_OF_OFFICE', revision: 5 }),
      [`DELETE /policies/${policyId}`]: () => noContent(),
    });
    renderConsole('/policies', 'en', { session: policyWriter });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Actions of Berlin AV' }, { timeout: 10_000 }));
    await user.click(screen.getByRole('menuitem', { name: 'Make out-of-office policy' }));
    await screen.findByText("Berlin AV is now the group's out-of-office policy");
    expect(bodyOf(calls.find((call) => call.key === `PUT /policies/${policyId}`)!)).toMatchObject({ state: 'OUT_OF_OFFICE', expectedRevision: 4, name: 'Berlin AV' });

    await user.click(screen.getByRole('button', { name: 'Actions of Berlin AV' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: /Delete Berlin AV\?$/ });
    expect(within(dialog).getByText(/goes to the deleted objects/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete policy' }));
    await screen.findByText(/Berlin AV was deleted/);
    expect(calls.some((call) => call.key === `DELETE /policies/${policyId}`)).toBe(true);
  });

  it('creates a policy for a chosen application and group, showing the server refusal at the field', async () => {
    const created = { ...berlinPolicy, id: 'c0000000-0000-4000-8000-000000000009', name: 'Servers', profiles: [] };
    const calls = fakeServer({
      'GET /policies': () => jsonResponse({ items: [], nextCursor: null, total: 0 }),
      'GET /plugins': () => jsonResponse([plugin, { ...plugin, id: 'no-settings', name: 'No settings', contributions: { ...plugin.contributions, settingsSchema: null } }]),
      'GET /groups/tree': () => jsonResponse(tree),
      'POST /policies': [
        () => problemResponse(422, 'Invalid input', { errors: [{ field: 'name', message: 'must not contain control characters' }] }),
        () => jsonResponse(created, 201),
      ],
      [`GET /policies/${created.id}`]: () => jsonResponse(created),
    });
    renderConsole('/policies', 'en', { session: policyWriter });
    const user = userEvent.setup();

    await screen.findByText("No policy has been created yet. Create one for a group to manage an application's settings.", {}, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Create policy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a policy' });
    // Only applications with a settings schema are offered.
    expect(within(within(dialog).getByLabelText(/^Application/)).getAllByRole('option').map((option) => option.textContent)).toEqual([
      `Endpoint Protection (${application})`,
    ]);
    await user.selectOptions(within(dialog).getByLabelText(/^Group/), 'Managed devices / Berlin');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Servers');
    await user.click(within(dialog).getByRole('button', { name: 'Create and edit' }));
    expect(await within(dialog).findByText('must not contain control characters')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Create and edit' }));

    await screen.findByRole('heading', { level: 1, name: 'Servers' });
    expect(bodyOf(calls.filter((call) => call.key === 'POST /policies')[1]!)).toMatchObject({
      application,
      groupId: berlin,
      name: 'Servers',
      state: 'INACTIVE',
      settings: {},
    });
  });
});
