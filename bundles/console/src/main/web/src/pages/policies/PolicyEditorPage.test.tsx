import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../api/policies';
import { bodyOf, fakeServer, type FakeHandler } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { application, berlinPolicy, contributed, managed, managedEffective, plugin, policyId, policyOperator, policyReader, policyWriter, tree } from './policyFixtures';

function server(extra: Record<string, FakeHandler | FakeHandler[]> = {}) {
  return fakeServer({
    [`GET /policies/${policyId}`]: () => jsonResponse(berlinPolicy),
    'GET /plugins': () => jsonResponse([plugin]),
    'GET /console-contributions': () => jsonResponse([contributed]),
    'GET /groups/tree': () => jsonResponse(tree),
    [`GET /groups/${managed}/effective-policy/${application}`]: () => jsonResponse(managedEffective),
    ...extra,
  });
}

const saved = (changes: Partial<Policy>) => () => jsonResponse({ ...berlinPolicy, ...changes, revision: berlinPolicy.revision + 1 });

async function openEditor(session = policyWriter) {
  renderConsole(`/policies/${policyId}`, 'en', { session });
  // The first test also waits for the editor's code to be compiled and loaded (a lazy route).
  await screen.findByRole('heading', { level: 1, name: 'Berlin AV' }, { timeout: 10_000 });
  const settings = await screen.findByRole('form', { name: 'Settings' });
  await within(settings).findByRole('switch', { name: /^Real-time protection/ });
  return { user: userEvent.setup(), settings };
}

// Whole editing sessions with many steps: more time than Vitest's default on a busy machine.
describe('Policy editor', { timeout: 30_000 }, () => {
  it('shows settings locked above read-only with their origin, and values inherited as hints', async () => {
    server();
    const { settings } = await openEditor();

    // what is locked above comes with the group's effective policy, which may arrive after the form is drawn
    expect(await within(settings).findByText('Locked by policy Company of group Managed devices')).toBeTruthy();
    const realtime = within(settings).getByRole('switch', { name: /^Real-time protection/ }) as HTMLInputElement;
    expect(realtime.disabled).toBe(true);
    expect(realtime.checked).toBe(true);
    expect(within(settings).queryByRole('button', { name: 'Lock Real-time protection' })).toBeNull();
    expect(within(settings).getByText('Applies now: recommended, from policy Company of group Managed devices')).toBeTruthy();
    expect((within(settings).getByLabelText(/^Interval/) as HTMLInputElement).value).toBe('30');
    expect(screen.getByRole('link', { name: 'History of this policy' }).getAttribute('href')).toBe(`/history?objectType=policy&objectId=${policyId}`);
  });

  it('saves a changed and locked setting with the revision it was edited from, leaving out what is locked above', async () => {
    const calls = server({ [`PUT /policies/${policyId}`]: saved({ settings: { scan: { interval: 45 } }, lockedSettings: ['scan/interval'] }) });
    const { user, settings } = await openEditor();
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    const interval = within(settings).getByLabelText(/^Interval/);
    await user.clear(interval);
    await user.type(interval, '45');
    const lock = within(settings).getByRole('button', { name: 'Lock Interval (minutes)' });
    expect(lock.getAttribute('aria-pressed')).toBe('false');
    await user.click(lock);
    expect(lock.getAttribute('aria-pressed')).toBe('true');
    await user.click(save);

    await screen.findByText('Saved as revision 5');
    const put = calls.find((call) => call.key === `PUT /policies/${policyId}`)!;
    expect(bodyOf(put)).toMatchObject({
      name: 'Berlin AV',
      state: 'ACTIVE',
      settings: { scan: { interval: 45 } },
      lockedSettings: ['scan/interval'],
      expectedRevision: 4,
    });
    expect(bodyOf(put).settings).not.toHaveProperty('realtime');
    expect((bodyOf(put).profiles as unknown[]).length).toBe(2);
    expect(save.disabled).toBe(true);
  });

  it('places the server validation messages next to their fields', async () => {
    server({
      [`PUT /policies/${policyId}`]: () =>
        problemResponse(422, 'Invalid input', {
          errors: [
            { field: 'settings/scan/interval', message: 'must be 5 or more' },
            { field: 'name', message: 'must not contain control characters' },
            { field: 'profiles/1/rules/0/values', message: 'must hold 1 to 100 values' },
          ],
        }),
    });
    const { user, settings } = await openEditor();

    const interval = within(settings).getByLabelText(/^Interval/);
    await user.clear(interval);
    await user.type(interval, '1');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('The server refused the change: 3 problems, shown at their fields');
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(interval.getAttribute('aria-describedby')!)?.textContent).toContain('must be 5 or more');
    expect(screen.getByText('must not contain control characters')).toBeTruthy();
    // The profile's error is marked in the list and shown at its rule when the profile is opened.
    const servers = screen.getByTestId('profile-row-1');
    expect(within(servers).getByText('1 problem')).toBeTruthy();
    await userEvent.setup().click(within(servers).getByRole('button', { name: 'Edit profile Servers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Profile Servers' });
    expect(within(dialog).getByText('must hold 1 to 100 values')).toBeTruthy();
  });

  it('tells about a change made meanwhile (409) and loads the current version on request', async () => {
    const calls = server({
      [`GET /policies/${policyId}`]: [() => jsonResponse(berlinPolicy), () => jsonResponse({ ...berlinPolicy, name: 'Berlin AV (new)', revision: 5 })],
      [`PUT /policies/${policyId}`]: () =>
        problemResponse(409, 'Conflict', { detail: 'The policy "Berlin AV" has changed since revision 4 (it is at revision 5); reload it and make your change again' }),
    });
    const { user } = await openEditor();

    await user.type(screen.getByLabelText(/^Description/), ' for everyone');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Someone else changed this policy meanwhile; your changes were not saved');
    expect(screen.getByText(/has changed since revision 4/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load the current version (your changes are discarded)' }));
    await screen.findByRole('heading', { level: 1, name: 'Berlin AV (new)' });
    expect((screen.getByLabelText(/^Description/) as HTMLTextAreaElement).value).toBe('Stricter scans');
    expect(calls.filter((call) => call.key === `GET /policies/${policyId}`)).toHaveLength(2);
  });

  it('reorders profiles and adds one with its rules and overriding settings, saved in that order', async () => {
    const calls = server({ [`PUT /policies/${policyId}`]: saved({}) });
    const { user } = await openEditor();

    expect((screen.getByRole('button', { name: 'Move Laptops up' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Move Laptops down' }));
    expect(within(screen.getByTestId('profile-row-0')).getByText('Servers')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add profile' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a profile' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'On the road');
    await user.selectOptions(within(dialog).getByLabelText('Attribute'), 'NETWORK');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Value of Rule 1' }), 'OUTSIDE');
    await user.click(within(dialog).getByRole('button', { name: 'Add rule' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'New value for Rule 2' }), 'laptop{Enter}');
    // The profile's settings form says which value of the policy it would replace.
    expect(within(dialog).getByText('Applies now: 30, from this policy')).toBeTruthy();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Level' }), 'high');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    expect(within(screen.getByTestId('profile-row-2')).getByText('On the road')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved as revision 5');
    const profiles = bodyOf(calls.find((call) => call.key === `PUT /policies/${policyId}`)!).profiles as { id?: string; name: string }[];
    expect(profiles.map((profile) => profile.name)).toEqual(['Servers', 'Laptops', 'On the road']);
    expect(profiles[2]).toEqual({
      name: 'On the road',
      enabled: true,
      settings: { scan: { level: 'high' } },
      lockedSettings: [],
      rules: [
        { attribute: 'NETWORK', values: ['OUTSIDE'] },
        { attribute: 'TAG', values: ['laptop'] },
      ],
    });
  });

  it('refuses a second profile of the same name before asking the server', async () => {
    server();
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Add profile' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a profile' });
    // A setting locked above shows its value there, read-only, in the profile too.
    const realtime = within(dialog).getByRole('switch', { name: /^Real-time protection/ }) as HTMLInputElement;
    expect(realtime.checked).toBe(true);
    expect(realtime.disabled).toBe(true);
    await user.type(within(dialog).getByLabelText(/^Name/), 'laptops');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(within(dialog).getByText('Another profile of this policy has this name')).toBeTruthy();
  });

  it('shows everything read-only to an operator without policies.write', async () => {
    server();
    const { settings } = await openEditor(policyReader);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect((screen.getByLabelText(/^Name/) as HTMLInputElement).disabled).toBe(true);
    expect((within(settings).getByLabelText(/^Interval/) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Move Laptops down' })).toBeNull();
    expect(screen.getByRole('button', { name: 'View profile Laptops' })).toBeTruthy();
  });

  it('builds the form from the console contributions for an operator who may not list plugins, and saves with it', async () => {
    const calls = server({ [`PUT /policies/${policyId}`]: saved({ settings: { scan: { interval: 45 } } }) });
    const { user, settings } = await openEditor(policyOperator);

    expect(within(settings).getByText('Locked by policy Company of group Managed devices')).toBeTruthy();
    const interval = within(settings).getByLabelText(/^Interval/) as HTMLInputElement;
    await user.clear(interval);
    await user.type(interval, '45');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved as revision 5');
    expect(bodyOf(calls.find((call) => call.key === `PUT /policies/${policyId}`)!)).toMatchObject({ settings: { scan: { interval: 45 } } });
    expect(calls.filter((call) => call.key === 'GET /plugins')).toEqual([]);
    expect(screen.queryByText(/settings schema could not be loaded/)).toBeNull();
  });

  it('says the parent group is outside the groups of an admin whose tree starts at the policy group', async () => {
    const calls = server({ 'GET /groups/tree': () => jsonResponse(tree[0]!.children) });
    await openEditor(policyOperator);

    expect(screen.getByText(/^Starts from the settings in force at the parent group, which is outside your groups/)).toBeTruthy();
    expect(screen.queryByText(/at the top of the tree/)).toBeNull();
    expect(calls.some((call) => call.key.includes('/effective-policy/'))).toBe(false);
  });

  it('falls back to editing the settings as JSON when the plugin of the policy is not active', async () => {
    server({ 'GET /console-contributions': () => jsonResponse([]) });
    renderConsole(`/policies/${policyId}`, 'en', { session: policyOperator });

    expect(await screen.findByText(`The plugin of ${application} is not active: the policy cannot be changed until it is started again`, {}, { timeout: 10_000 })).toBeTruthy();
    const settings = await screen.findByRole('form', { name: 'Settings' });
    expect(JSON.parse((within(settings).getByLabelText(/^Value/) as HTMLTextAreaElement).value)).toMatchObject({ scan: { interval: 30 } });
    expect(within(settings).queryByRole('switch', { name: /^Real-time protection/ })).toBeNull();
  });

  it('lists the problems a plugin upgrade left at their fields', async () => {
    server({
      [`GET /policies/${policyId}`]: () =>
        jsonResponse({ ...berlinPolicy, problems: [{ field: 'settings/scan/interval', message: 'must be 60 or more' }], checkedAgainst: '2.0.0' }),
    });
    const { settings } = await openEditor();
    expect(screen.getByText(/no longer matches the settings schema of version 2.0.0/)).toBeTruthy();
    expect(within(settings).getByText('must be 60 or more')).toBeTruthy();
  });
});
