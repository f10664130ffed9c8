import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bodyOf, fakeServer, type FakeCall } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { groupsAnswer } from '../devices/testDevices';
import { runRefreshMs } from './RunPanel';
import { backupTask, refreshTask, runDevice, runOf, sessionWithTasks, taskTypes } from './testTasks';

const queryOf = (call: FakeCall) => new URL(call.url, 'https://console.test').searchParams;
const base = {
  'GET /task-types': () => jsonResponse(taskTypes),
  'GET /groups': () => jsonResponse(groupsAnswer),
};
const page = <T,>(items: T[]) => jsonResponse({ items, nextCursor: null, total: items.length });

afterEach(() => vi.useRealTimers());

describe('Task page', { timeout: 30_000 }, () => {
  it('runs a server task now, follows the run until it completes with its result, then stops reading it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const running = runOf(backupTask);
    const done = runOf(backupTask, {
      state: 'COMPLETED',
      finishedAt: '2026-11-26T12:00:05Z',
      counts: { total: 1, pending: 0, running: 0, succeeded: 1, failed: 0, cancelled: 0, skipped: 0 },
    });
    const runPath = `GET /tasks/${backupTask.id}/runs/${running.id}`;
    const calls = fakeServer({
      ...base,
      [`GET /tasks/${backupTask.id}`]: () => jsonResponse(backupTask),
      [`GET /tasks/${backupTask.id}/runs`]: [() => page([]), () => page([running]), () => page([done])],
      [`POST /tasks/${backupTask.id}/run`]: () => jsonResponse(running, 201),
      [runPath]: [() => jsonResponse(running), () => jsonResponse(running), () => jsonResponse(done)],
      [`${runPath}/devices`]: [
        () => page([runDevice({ state: 'RUNNING' })]),
        () => page([runDevice({ state: 'RUNNING' })]),
        () => page([runDevice({ state: 'SUCCEEDED', message: 'Backed up', result: { folder: 'data/backups/backup-20261126T120000Z', kept: 7 } })]),
      ],
    });
    renderConsole(`/tasks/${backupTask.id}`, 'en', { session: sessionWithTasks() });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

    expect(await screen.findByText('The task has not run yet.', {}, { timeout: 10_000 })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Run now' }));
    expect(await screen.findByText('Refreshed every 2 seconds while the run is going.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel run' })).toBeTruthy();

    await vi.advanceTimersByTimeAsync(runRefreshMs * 2);
    const result = await screen.findByLabelText('Result of Server');
    expect(JSON.parse(result.textContent!)).toEqual({ folder: 'data/backups/backup-20261126T120000Z', kept: 7 });
    expect(within(screen.getByTestId('run-device-Server')).getByText('Backed up')).toBeTruthy();
    expect(screen.queryByText('Refreshed every 2 seconds while the run is going.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();

    // Once the run has ended the runs list is read again (it shows the run completed) and the run no more.
    await waitFor(() => expect(screen.getAllByText('Completed').length).toBeGreaterThanOrEqual(2));
    const reads = () => calls.filter((call) => call.key === runPath).length;
    const settled = reads();
    expect(settled).toBeLessThanOrEqual(4);
    await vi.advanceTimersByTimeAsync(runRefreshMs * 5);
    expect(reads()).toBe(settled);
  });

  it('shows a run’s devices by state, and cancels a running run', async () => {
    const running = runOf(refreshTask, { counts: { total: 3, pending: 1, running: 0, succeeded: 1, failed: 1, cancelled: 0, skipped: 2 } });
    const runPath = `/tasks/${refreshTask.id}/runs/${running.id}`;
    const calls = fakeServer({
      ...base,
      [`GET /tasks/${refreshTask.id}`]: () => jsonResponse(refreshTask),
      [`GET /tasks/${refreshTask.id}/runs`]: () => page([running]),
      [`GET ${runPath}`]: () => jsonResponse(running),
      [`GET ${runPath}/devices`]: (_init, url) =>
        new URL(url, 'https://x').searchParams.get('state') === 'FAILED'
          ? page([runDevice({ deviceId: 'd2', deviceName: 'WS-0002', state: 'FAILED', message: 'disk full' })])
          : page([
              runDevice({ deviceId: 'd1', deviceName: 'WS-0001', state: 'SUCCEEDED' }),
              runDevice({ deviceId: 'd2', deviceName: 'WS-0002', state: 'FAILED', message: 'disk full' }),
              runDevice({ deviceId: 'd3', deviceName: 'WS-0003', state: 'PENDING' }),
            ]),
      [`POST ${runPath}/cancel`]: () => jsonResponse({ ...running, state: 'CANCELLED' }),
    });
    renderConsole(`/tasks/${refreshTask.id}`, 'en', { session: sessionWithTasks() });
    const user = userEvent.setup();

    const failed = await screen.findByTestId('run-device-WS-0002', {}, { timeout: 10_000 });
    expect(within(failed).getByText('disk full')).toBeTruthy();
    expect(within(failed).getByRole('link', { name: 'WS-0002' }).getAttribute('href')).toBe('/devices/d2');
    const counts = screen.getByRole('list', { name: 'Devices by state' });
    expect(within(counts).getByText('Skipped: 2')).toBeTruthy();
    expect(within(counts).getByText('Pending: 1')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Show devices in state'), 'FAILED');
    await waitFor(() => expect(screen.queryByTestId('run-device-WS-0001')).toBeNull());
    expect(queryOf(calls.filter((call) => call.key === `GET ${runPath}/devices`).at(-1)!).get('state')).toBe('FAILED');

    await user.click(screen.getByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(calls.filter((call) => call.key === `POST ${runPath}/cancel`)).toHaveLength(1));
  });

  it('changes a task with the revision it read, and offers the current version when someone else changed it', async () => {
    const changed = { ...refreshTask, name: 'Refresh Berlin daily', revision: 4, schedule: { ...refreshTask.schedule, kind: 'DAILY' as const, daysOfWeek: [] } };
    const calls = fakeServer({
      ...base,
      [`GET /tasks/${refreshTask.id}`]: [() => jsonResponse(refreshTask), () => jsonResponse(changed)],
      [`GET /tasks/${refreshTask.id}/runs`]: () => page([]),
      [`PUT /tasks/${refreshTask.id}`]: [() => problemResponse(409, 'Conflict', { detail: 'changed since revision 3' }), (init) => jsonResponse({ ...changed, ...JSON.parse(String(init.body)) })],
    });
    renderConsole(`/tasks/${refreshTask.id}`, 'en', { session: sessionWithTasks() });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Edit' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Change Refresh Berlin' });
    expect((within(dialog).getByLabelText(/^Task type/) as HTMLSelectElement).disabled).toBe(true);
    expect((within(dialog).getByLabelText('Monday') as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Someone else changed this task meanwhile')).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === `PUT /tasks/${refreshTask.id}`)!)).toMatchObject({ expectedRevision: 3, scope: { groupId: refreshTask.scope?.groupId } });

    await user.click(within(dialog).getByRole('button', { name: 'Load the current version' }));
    await waitFor(() => expect((within(dialog).getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Refresh Berlin daily'));
    expect((within(dialog).getByLabelText('Starts') as HTMLSelectElement).value).toBe('DAILY');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bodyOf(calls.filter((call) => call.key === `PUT /tasks/${refreshTask.id}`).at(-1)!)).toMatchObject({ expectedRevision: 4, name: 'Refresh Berlin daily' });
  });

  it('offers neither run, change nor delete to an admin who may only read tasks', async () => {
    fakeServer({
      ...base,
      [`GET /tasks/${refreshTask.id}`]: () => jsonResponse(refreshTask),
      [`GET /tasks/${refreshTask.id}/runs`]: () => page([runOf(refreshTask)]),
      [`GET /tasks/${refreshTask.id}/runs/${refreshTask.lastRunId}`]: () => jsonResponse(runOf(refreshTask)),
      [`GET /tasks/${refreshTask.id}/runs/${refreshTask.lastRunId}/devices`]: () => page([runDevice({ deviceId: 'd1', deviceName: 'WS-0001' })]),
    });
    renderConsole(`/tasks/${refreshTask.id}`, 'en', { session: sessionWithTasks(['tasks.read']) });

    await screen.findByTestId('run-device-WS-0001', {}, { timeout: 10_000 });
    expect(screen.getByTestId('task-schedule').textContent).toBe('Weekly on Monday at 06:00 (Europe/Berlin) · random delay up to 30 minutes');
    for (const name of ['Run now', 'Edit', 'Delete', 'Cancel run']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });
});
