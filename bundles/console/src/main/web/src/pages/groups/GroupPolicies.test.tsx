import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../testing/fakeServer';
import { jsonResponse, renderConsole } from '../../testing/renderConsole';
import { application, berlin, berlinPolicy, contributed, managed, plugin, policyId, policyOperator, policyWriter, tree } from '../policies/policyFixtures';

const company = { ...berlinPolicy, id: 'c0000000-0000-4000-8000-000000000002', name: 'Company', groupId: managed, profiles: [] };
const draftAbove = { ...company, id: 'c0000000-0000-4000-8000-000000000003', name: 'Draft', state: 'INACTIVE' };

describe('Policies section of a group', { timeout: 30_000 }, () => {
  it('lists the group own policies and the ones in force above it, and creates one for the group', async () => {
    const calls = fakeServer({
      [`GET /groups/${berlin}`]: () => jsonResponse({ id: berlin, parentId: managed, name: 'Berlin', builtIn: false, deviceCount: 3, subtreeDeviceCount: 3 }),
      'GET /groups/tree': () => jsonResponse(tree),
      'GET /plugins': () => jsonResponse([plugin]),
      'GET /policies': (_init, url) =>
        url.includes('subtree=true')
          ? jsonResponse({ items: [berlinPolicy], nextCursor: 'next', total: 3 })
          : jsonResponse({ items: url.includes(`group=${berlin}`) ? [berlinPolicy] : [company, draftAbove], nextCursor: null, total: 1 }),
    });
    renderConsole(`/groups/${berlin}`, 'en', { session: policyWriter });
    const user = userEvent.setup();

    const own = await screen.findByRole('grid', { name: 'Policies of this group' }, { timeout: 10_000 });
    expect(within(own).getByRole('link', { name: 'Berlin AV' }).getAttribute('href')).toBe(`/policies/${policyId}`);
    expect(within(own).getByText('Endpoint Protection')).toBeTruthy();
    const inherited = await screen.findByRole('grid', { name: 'Inherited from groups above' });
    expect(within(inherited).getByRole('link', { name: 'Company' })).toBeTruthy();
    expect(within(inherited).getByRole('link', { name: 'Managed devices' }).getAttribute('href')).toBe(`/groups/${managed}`);
    // An inactive policy above applies to nothing and is not listed as inherited.
    expect(within(inherited).queryByText('Draft')).toBeNull();
    expect(calls.some((call) => call.key === 'GET /policies' && call.url.includes(`group=${managed}`))).toBe(true);
    // The group's own policies are listed without those below; the list with the subgroups is one link away.
    expect(calls.filter((call) => call.key === 'GET /policies' && call.url.includes(`group=${berlin}`) && !call.url.includes('subtree')).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: "Show this group's own policies in the list" }).getAttribute('href')).toBe(`/policies?group=${berlin}&subtree=false`);
    expect((await screen.findByRole('link', { name: '3 policies in this group and the groups below' })).getAttribute('href')).toBe(`/policies?group=${berlin}`);

    await user.click(screen.getByRole('button', { name: 'Create policy for this group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a policy' });
    expect((within(dialog).getByLabelText(/^Group/) as HTMLInputElement).value).toBe('Managed devices / Berlin');
    expect((within(dialog).getByLabelText(/^Application/) as HTMLSelectElement).value).toBe(application);
  });

  it('offers the applications of the console contributions to an operator who may not list plugins', async () => {
    const calls = fakeServer({
      [`GET /groups/${berlin}`]: () => jsonResponse({ id: berlin, parentId: managed, name: 'Berlin', builtIn: false, deviceCount: 3, subtreeDeviceCount: 3 }),
      'GET /groups/tree': () => jsonResponse(tree),
      'GET /console-contributions': () => jsonResponse([contributed]),
      'GET /policies': () => jsonResponse({ items: [], nextCursor: null, total: 0 }),
    });
    renderConsole(`/groups/${berlin}`, 'en', { session: policyOperator });
    const user = userEvent.setup();

    await screen.findByText('This group has no policies of its own.', {}, { timeout: 10_000 });
    const create = await screen.findByRole('button', { name: 'Create policy for this group' });
    await waitFor(() => expect((create as HTMLButtonElement).disabled).toBe(false));
    await user.click(create);
    const dialog = await screen.findByRole('dialog', { name: 'Create a policy' });
    expect(within(within(dialog).getByLabelText(/^Application/)).getAllByRole('option').map((option) => option.textContent)).toEqual([
      `Endpoint Protection (${application})`,
    ]);
    expect(calls.filter((call) => call.key === 'GET /plugins')).toEqual([]);
  });
});
