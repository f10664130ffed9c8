import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../session/SessionContext';
import { bodyOf, fakeServer } from '../../testing/fakeServer';
import { adminMe, jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';

const managed = '00000000-0000-0000-0000-000000000001';
const berlin = 'b0000000-0000-4000-8000-000000000001';
const groups = {
  items: [
    { id: managed, parentId: null, name: 'Managed devices', builtIn: true },
    { id: '00000000-0000-0000-0000-000000000002', parentId: null, name: 'Unassigned devices', builtIn: true },
    { id: berlin, parentId: managed, name: 'Berlin', builtIn: false },
  ],
};
const rule = (id: string, name: string, position: number) => ({
  id,
  position,
  name,
  enabled: true,
  targetGroupId: berlin,
  mode: 'CONTINUOUS',
  unassignedOnly: false,
  conditions: { ipv4Ranges: ['10.1.0.0/16'], osTypes: ['WINDOWS'], tags: [] },
});
const rules = [rule('r1', 'Branch office', 1), rule('r2', 'Lab', 2)];

const fleetWriter = {
  ...signedInAsAdmin,
  me: { ...adminMe, permissions: { ...adminMe.permissions, 'groups.write': { everywhere: true, roots: [] } } },
} as SessionState;

describe('Device moving rules page', () => {
  it('lists the rules in order with their target group and conditions', async () => {
    fakeServer({ 'GET /device-moving-rules': () => jsonResponse(rules), 'GET /groups': () => jsonResponse(groups) });
    renderConsole('/device-moving-rules', 'en', { session: fleetWriter });

    const row = (await screen.findByText('Branch office', {}, { timeout: 5000 })).closest('tr')!;
    expect(await within(row).findByRole('link', { name: 'Managed devices / Berlin' })).toBeTruthy();
    expect(within(row).getByText('IPv4 ranges: 10.1.0.0/16 · Operating systems: Windows')).toBeTruthy();
    expect(within(row).getByText('Continuously')).toBeTruthy();
  });

  it('creates a rule with the conditions filled in and shows refused fields', async () => {
    const calls = fakeServer({
      'GET /device-moving-rules': () => jsonResponse(rules),
      'GET /groups': () => jsonResponse(groups),
      'POST /device-moving-rules': [
        () => problemResponse(422, 'Invalid input', { errors: [{ field: 'conditions/ipv4Ranges/1', message: 'is not a CIDR range or a from-to range' }] }),
        (init) => jsonResponse({ ...JSON.parse(String(init.body)), id: 'r3', position: 3 }, 201),
      ],
    });
    renderConsole('/device-moving-rules', 'en', { session: fleetWriter });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Create rule' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Servers');
    await user.selectOptions(within(dialog).getByLabelText(/Moves devices to/), berlin);
    await user.click(within(dialog).getByLabelText('Continuously'));
    await user.type(within(dialog).getByLabelText('Tags'), 'server, rack 4');
    await user.type(within(dialog).getByLabelText('IPv4 ranges'), '10.2.0.0/16, nonsense');
    await user.click(within(dialog).getByLabelText('Linux'));
    await user.selectOptions(within(dialog).getByLabelText('Virtual machine'), 'no');
    await user.type(within(dialog).getByLabelText('DNS domain'), 'dc.*');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('is not a CIDR range or a from-to range')).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === 'POST /device-moving-rules')!)).toEqual({
      name: 'Servers',
      enabled: true,
      targetGroupId: berlin,
      mode: 'CONTINUOUS',
      unassignedOnly: true,
      conditions: { tags: ['server', 'rack 4'], ipv4Ranges: ['10.2.0.0/16', 'nonsense'], osTypes: ['LINUX'], virtualMachine: false, dnsDomainPattern: 'dc.*' },
    });
  }, 20_000);

  it('reorders with the move buttons and runs the rules now', async () => {
    const calls = fakeServer({
      'GET /device-moving-rules': () => jsonResponse(rules),
      'GET /groups': () => jsonResponse(groups),
      'POST /device-moving-rules/order': () => jsonResponse([rules[1], rules[0]]),
      'POST /device-moving-rules/run': () => jsonResponse({ moved: 12 }),
    });
    renderConsole('/device-moving-rules', 'en', { session: fleetWriter });
    const user = userEvent.setup();

    expect((await screen.findByRole('button', { name: 'Move Branch office up' })).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Move Lab up' }));
    await screen.findByText('Rule Lab moved');
    expect(bodyOf(calls.find((call) => call.key === 'POST /device-moving-rules/order')!)).toEqual({ ruleIds: ['r2', 'r1'] });

    await user.click(screen.getByRole('button', { name: 'Run now' }));
    expect(await screen.findByText('The rules moved 12 devices')).toBeTruthy();
  });

  it('lets a caller scoped to a subtree read the rules but not change them', async () => {
    fakeServer({ 'GET /device-moving-rules': () => jsonResponse(rules), 'GET /groups': () => jsonResponse(groups) });
    const scoped = {
      ...signedInAsAdmin,
      me: { ...adminMe, permissions: { ...adminMe.permissions, 'groups.write': { everywhere: false, roots: [berlin] } } },
    } as SessionState;
    renderConsole('/device-moving-rules', 'en', { session: scoped });

    await screen.findByText('Branch office');
    expect(screen.queryByRole('button', { name: 'Create rule' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run now' })).toBeNull();
  });
});
