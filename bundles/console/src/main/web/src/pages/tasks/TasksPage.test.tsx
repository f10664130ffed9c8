import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bodyOf, fakeServer, type FakeCall } from '../../testing/fakeServer';
import { jsonResponse, problemResponse, renderConsole } from '../../testing/renderConsole';
import { berlinGroupId, groupsAnswer } from '../devices/testDevices';
import { backupTask, listedRefreshTask, refreshTask, sessionWithTasks, taskTypes } from './testTasks';

const queryOf = (call: FakeCall) => new URL(call.url, 'https://console.test').searchParams;
const created = { ...refreshTask, id: 't0000000-0000-4000-8000-00000000000a', name: 'Weekly refresh', lastRunId: null };

function server(extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /task-types': () => jsonResponse(taskTypes),
    'GET /groups': () => jsonResponse(groupsAnswer),
    'GET /tasks': () => jsonResponse({ items: [backupTask, listedRefreshTask], nextCursor: null, total: 2 }),
    [`GET /tasks/${created.id}`]: () => jsonResponse(created),
    [`GET /tasks/${created.id}/runs`]: () => jsonResponse({ items: [], nextCursor: null, total: 0 }),
    ...extra,
  });
}

// The first test also loads the page's code; the machine running the tests may be busy.
describe('Tasks page', { timeout: 30_000 }, () => {
  it('lists tasks with type, scope, schedule, next start and how the last run went; filters go to the server', async () => {
    const calls = server();
    renderConsole(`/tasks?application=agent&group=${berlinGroupId}`, 'en', { session: sessionWithTasks() });

    const row = await screen.findByTestId('task-Refresh Berlin', {}, { timeout: 10_000 });
    expect(within(row).getByText('Refresh inventory')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Managed devices / Berlin and below' })).toBeTruthy();
    expect(within(row).getByText('Weekly on Monday at 06:00 (Europe/Berlin)')).toBeTruthy();
    expect(await within(row).findByText('Completed')).toBeTruthy();
    expect(within(row).getByText('Succeeded: 2')).toBeTruthy();
    expect(within(row).getByText('Failed: 1')).toBeTruthy();
    const backup = screen.getByTestId('task-Nightly backup');
    expect(within(backup).getByText('The server')).toBeTruthy();
    expect(within(backup).getByText('Never ran')).toBeTruthy();

    const listing = calls.find((call) => call.key === 'GET /tasks')!;
    expect(queryOf(listing).get('application')).toBe('agent');
    expect(queryOf(listing).get('group')).toBe(berlinGroupId);
    expect(queryOf(listing).get('limit')).toBe('50');
    expect(queryOf(listing).has('enabled')).toBe(false);
    expect((screen.getByLabelText('Application') as HTMLSelectElement).value).toBe('agent');
    // The last run comes with the listing: no request per row.
    expect(calls.filter((call) => call.key.startsWith('GET /tasks/'))).toEqual([]);

    await userEvent.setup().selectOptions(screen.getByLabelText('Application'), '');
    await waitFor(() => expect(queryOf(calls.filter((call) => call.key === 'GET /tasks').at(-1)!).has('application')).toBe(false));
  });

  it('filters by schedule in force and next start, from the URL and back into it', async () => {
    const calls = server({ 'GET /tasks': () => jsonResponse({ items: [{ ...refreshTask, enabled: false, nextRunAt: null, lastRun: null }], nextCursor: null, total: 1 }) });
    renderConsole('/tasks?enabled=false&scheduled=false', 'en', { session: sessionWithTasks() });
    const user = userEvent.setup();

    const row = await screen.findByTestId('task-Refresh Berlin', {}, { timeout: 10_000 });
    expect(within(row).getByText('Schedule off')).toBeTruthy();
    // The task names a last run the listing could not summarise (it was removed meanwhile).
    expect(within(row).getByText('Not available')).toBeTruthy();
    const first = queryOf(calls.find((call) => call.key === 'GET /tasks')!);
    expect(first.get('enabled')).toBe('false');
    expect(first.get('scheduled')).toBe('false');
    expect((screen.getByLabelText('Schedule') as HTMLSelectElement).value).toBe('false');
    expect((screen.getByLabelText('Next start') as HTMLSelectElement).value).toBe('false');

    await user.selectOptions(screen.getByLabelText('Schedule'), 'true');
    await waitFor(() => expect(queryOf(calls.filter((call) => call.key === 'GET /tasks').at(-1)!).get('enabled')).toBe('true'));
    await user.selectOptions(screen.getByLabelText('Next start'), '');
    await waitFor(() => expect(queryOf(calls.filter((call) => call.key === 'GET /tasks').at(-1)!).has('scheduled')).toBe(false));
    expect(queryOf(calls.filter((call) => call.key === 'GET /tasks').at(-1)!).get('enabled')).toBe('true');
  });

  it('says when no task matches the filters', async () => {
    server({ 'GET /tasks': () => jsonResponse({ items: [], nextCursor: null, total: 0 }) });
    renderConsole('/tasks?scheduled=true', 'en', { session: sessionWithTasks() });

    expect(await screen.findByText('No tasks match', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('No task matches these filters. Choose other filters.')).toBeTruthy();
  });

  it('creates an agent task for a group with a weekly schedule, and opens it', async () => {
    const calls = server({ 'POST /tasks': () => jsonResponse(created, 201) });
    renderConsole('/tasks', 'en', { session: sessionWithTasks() });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Create task' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a task' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Weekly refresh');
    await user.selectOptions(within(dialog).getByLabelText(/^Task type/), 'agent/refresh-inventory');
    await user.selectOptions(await within(dialog).findByLabelText(/^Group/), berlinGroupId);
    await user.selectOptions(within(dialog).getByLabelText('Starts'), 'WEEKLY');
    await user.click(within(dialog).getByLabelText('Friday'));
    await user.clear(within(dialog).getByLabelText(/^Time of day/));
    await user.type(within(dialog).getByLabelText(/^Time of day/), '06:30');
    await user.clear(within(dialog).getByLabelText('Time zone'));
    await user.type(within(dialog).getByLabelText('Time zone'), 'Europe/Berlin');
    await user.clear(within(dialog).getByLabelText('Random start delay (minutes)'));
    await user.type(within(dialog).getByLabelText('Random start delay (minutes)'), '30');
    await user.click(within(dialog).getByLabelText('Run if missed'));
    await user.type(within(dialog).getByLabelText('Stop if running longer than (minutes)'), '120');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Weekly refresh' })).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === 'POST /tasks')!)).toEqual({
      name: 'Weekly refresh',
      application: 'agent',
      type: 'refresh-inventory',
      parameters: {},
      scope: { groupId: berlinGroupId },
      schedule: {
        kind: 'WEEKLY',
        time: '06:30',
        daysOfWeek: ['MONDAY', 'FRIDAY'],
        timeZone: 'Europe/Berlin',
        randomDelayMinutes: 30,
        runIfMissed: true,
        stopAfterMinutes: 120,
      },
      enabled: true,
    });
  });

  it('shows the server’s problems at their fields, parameters included, and sends nothing it cannot read', async () => {
    const calls = server({
      'POST /tasks': () =>
        problemResponse(422, 'Invalid input', {
          errors: [
            { field: 'name', message: 'must not be blank' },
            { field: 'parameters/keep', message: 'must be at most 100' },
            { field: 'schedule/cron', message: 'has 4 fields, not 5' },
          ],
        }),
    });
    renderConsole('/tasks', 'en', { session: sessionWithTasks() });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Create task' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a task' });
    await user.selectOptions(within(dialog).getByLabelText(/^Task type/), 'server/backup');
    expect(within(dialog).queryByLabelText(/^Group/)).toBeNull();
    const keep = await within(dialog).findByLabelText(/Backups kept/);
    expect((keep as HTMLInputElement).value).toBe('7');
    await user.selectOptions(within(dialog).getByLabelText('Starts'), 'EVERY');
    await user.clear(within(dialog).getByLabelText(/^Every/));
    await user.type(within(dialog).getByLabelText(/^Every/), 'x');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Enter a whole number.')).toBeTruthy();
    expect(calls.some((call) => call.key === 'POST /tasks')).toBe(false);

    await user.selectOptions(within(dialog).getByLabelText('Starts'), 'CRON');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('must not be blank')).toBeTruthy();
    expect(within(dialog).getByText('must be at most 100')).toBeTruthy();
    expect(within(dialog).getByText('has 4 fields, not 5')).toBeTruthy();
    const body = bodyOf(calls.find((call) => call.key === 'POST /tasks')!);
    expect(body).toMatchObject({ application: 'server', type: 'backup', parameters: { keep: 7 }, schedule: { kind: 'CRON', cron: '0 2 * * *' } });
    expect(body).not.toHaveProperty('scope');
  });

  it('offers no way to create tasks to an admin who may only read them', async () => {
    server();
    renderConsole('/tasks', 'en', { session: sessionWithTasks(['tasks.read']) });

    await screen.findByTestId('task-Refresh Berlin', {}, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: 'Create task' })).toBeNull();
  });

  it('speaks German', async () => {
    server();
    renderConsole('/tasks', 'de', { session: sessionWithTasks() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Aufgaben' }, { timeout: 10_000 })).toBeTruthy();
    expect(await screen.findByText('Wöchentlich am Montag um 06:00 (Europe/Berlin)')).toBeTruthy();
    expect(screen.getByText('Noch nie ausgeführt')).toBeTruthy();
  });

  it('shows a group’s tasks on its page and creates one for it', async () => {
    const calls = server({
      [`GET /groups/${berlinGroupId}`]: () => jsonResponse({ id: berlinGroupId, parentId: groupsAnswer.items[0]!.id, name: 'Berlin', builtIn: false }),
      'GET /groups/tree': () => jsonResponse([]),
      'GET /tasks': () => jsonResponse({ items: [refreshTask], nextCursor: null, total: 1 }),
      'POST /tasks': () => jsonResponse(created, 201),
    });
    renderConsole(`/groups/${berlinGroupId}`, 'en', { session: sessionWithTasks() });
    const user = userEvent.setup();

    const row = await screen.findByTestId('task-Refresh Berlin', {}, { timeout: 10_000 });
    expect(within(row).getByRole('link', { name: 'Refresh Berlin' }).getAttribute('href')).toBe(`/tasks/${refreshTask.id}`);
    expect(queryOf(calls.find((call) => call.key === 'GET /tasks')!).get('group')).toBe(berlinGroupId);

    await user.click(screen.getByRole('button', { name: 'Create task for this group' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a task' });
    // Only types that run on devices: the server's own do not belong to a group.
    expect(within(dialog).queryByRole('option', { name: 'Back up the server’s data' })).toBeNull();
    await user.type(within(dialog).getByLabelText(/^Name/), 'Weekly refresh');
    await user.selectOptions(within(dialog).getByLabelText(/^Task type/), 'agent/refresh-inventory');
    await waitFor(() => expect((within(dialog).getByLabelText(/^Group/) as HTMLSelectElement).value).toBe(berlinGroupId));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Weekly refresh' })).toBeTruthy();
    expect(bodyOf(calls.find((call) => call.key === 'POST /tasks')!)).toMatchObject({ scope: { groupId: berlinGroupId }, schedule: { kind: 'MANUAL' } });
  });
});
