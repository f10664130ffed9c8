import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, type FakeCall } from '../../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../../testing/renderConsole';
import { deviceTaskRun, sessionWithTasks, taskTypes } from '../../tasks/testTasks';
import { deviceNumber, groupsAnswer } from '../testDevices';

const device = deviceNumber(7);
const path = `/devices/${device.id}`;
const runsPath = `GET /devices/${device.id}/task-runs`;
const queryOf = (call: FakeCall) => new URL(call.url, 'https://console.test').searchParams;

const failed = deviceTaskRun({
  runId: 'r0000000-0000-4000-8000-000000000002',
  runState: 'COMPLETED',
  state: 'FAILED',
  message: 'disk full',
  result: { code: 28 },
  startedAt: '2026-11-25T06:00:00Z',
  updatedAt: '2026-11-25T06:03:00Z',
});
const pluginRun = deviceTaskRun({
  runId: 'r0000000-0000-4000-8000-000000000003',
  taskId: 't0000000-0000-4000-8000-000000000009',
  taskName: 'Full scan',
  application: 'endpoint-protection',
  type: 'full-scan',
  state: 'SUCCEEDED',
});

function server(routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /groups': () => jsonResponse(groupsAnswer),
    [`GET ${path}`]: () => jsonResponse(device),
    'GET /task-types': () => jsonResponse(taskTypes),
    ...routes,
  });
}

// The first test also loads the tab's code; the machine running the tests may be busy.
describe('Device tasks tab', { timeout: 30_000 }, () => {
  it('lists the device’s runs newest first with task, type, state, message and result, and pages on', async () => {
    const calls = server({
      [runsPath]: [
        () => jsonResponse({ items: [deviceTaskRun(), failed], nextCursor: 'next-page', total: 3 }),
        () => jsonResponse({ items: [pluginRun], nextCursor: null, total: 3 }),
      ],
    });
    renderConsole(`${path}?tab=tasks`, 'en', { session: sessionWithTasks(['tasks.read']) });
    const user = userEvent.setup();

    const table = await screen.findByRole('grid', { name: 'Task runs of the device' }, { timeout: 10_000 });
    expect(screen.getByRole('tab', { name: 'Tasks' }).getAttribute('aria-selected')).toBe('true');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const pending = within(table).getByTestId(`device-run-${deviceTaskRun().runId}`);
    expect(within(pending).getByRole('link', { name: 'Refresh Berlin' }).getAttribute('href')).toBe(
      `/tasks/${deviceTaskRun().taskId}?run=${deviceTaskRun().runId}`,
    );
    expect(within(pending).getByText('Refresh inventory')).toBeTruthy();
    expect(within(pending).getByText('Pending')).toBeTruthy();
    expect(within(pending).getByText('Running')).toBeTruthy();
    const failedRow = within(table).getByTestId(`device-run-${failed.runId}`);
    expect(within(failedRow).getByText('Failed')).toBeTruthy();
    expect(within(failedRow).getByText('Completed')).toBeTruthy();
    expect(within(failedRow).getByText('disk full')).toBeTruthy();
    expect(within(failedRow).getByLabelText('Result of Refresh Berlin').textContent).toContain('"code": 28');
    expect(queryOf(calls.find((call) => call.key === runsPath)!).get('limit')).toBe('50');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    const plugin = await screen.findByTestId(`device-run-${pluginRun.runId}`);
    // A plugin's type the console does not know is shown by application and type.
    expect(within(plugin).getByText('endpoint-protection / full-scan')).toBeTruthy();
    expect(within(plugin).getByText('Succeeded')).toBeTruthy();
    expect(queryOf(calls.filter((call) => call.key === runsPath).at(-1)!).get('cursor')).toBe('next-page');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull());
  });

  it('says, in German too, when the device took part in no run', async () => {
    server({ [runsPath]: () => jsonResponse({ items: [], nextCursor: null, total: 0 }) });
    renderConsole(`${path}?tab=tasks`, 'de', { session: sessionWithTasks(['tasks.read']) });
    expect(
      await screen.findByText('Dieses Gerät war an keinem Aufgabenlauf beteiligt, den der Server noch aufbewahrt.', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Aufgaben' })).toBeTruthy();
  });

  it('shows the server’s refusal', async () => {
    server({ [runsPath]: () => problemResponse(403, 'Forbidden', { detail: 'Not within your groups' }) });
    renderConsole(`${path}?tab=tasks`, 'en', { session: sessionWithTasks(['tasks.read']) });
    expect(await screen.findByText(/Not within your groups/, {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('is not offered without tasks.read', async () => {
    const calls = server();
    renderConsole(`${path}?tab=tasks`, 'en', { session: signedInAsAdmin });
    expect(await screen.findByRole('tab', { name: 'Events' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Tasks' })).toBeNull();
    expect(calls.some((call) => call.key === runsPath)).toBe(false);
  });
});
