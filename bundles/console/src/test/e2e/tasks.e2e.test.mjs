// Browser journeys of tasks. Environment: see console.e2e.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { managedDevicesGroupId, withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn, textOf } from './browser.mjs';

describe('tasks', { concurrency: false }, () => {
  const suffix = Date.now();
  const groupName = `E2E tasks ${suffix}`;
  const deviceName = `E2E-TASK-PC-${suffix}`;
  let group;
  let device;
  const createdTasks = [];

  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
    // A fresh server has no devices: a group with one pre-registered device, whose agent never syncs, so an agent
    // task's run stays pending there until it is cancelled.
    await withAdminApi(async (api) => {
      const createdGroup = await api.post('/groups', { parentId: managedDevicesGroupId, name: groupName });
      assert.equal(createdGroup.status, 201, JSON.stringify(createdGroup.body));
      group = createdGroup.body;
      const createdDevice = await api.post('/devices', { name: deviceName, groupId: group.id });
      assert.equal(createdDevice.status, 201, JSON.stringify(createdDevice.body));
      device = createdDevice.body;
    });
  });

  after(async () => {
    await withAdminApi(async (api) => {
      for (const id of createdTasks) {
        await api.delete(`/tasks/${id}`);
      }
      if (device) {
        // Out of the group, then (from "Unassigned devices") deleted.
        await api.delete(`/devices/${device.id}`);
        await api.delete(`/devices/${device.id}`);
      }
      if (group) {
        await api.delete(`/groups/${group.id}?mode=empty-only`);
      }
    });
  });

  const taskIdOf = (page) => new URL(page.url()).pathname.split('/').at(-1);

  test('create a server task, run it, follow it to completion and see its result', async () => {
    const name = `E2E maintenance ${suffix}`;
    await inBrowser('tasks-server-run', async (page) => {
      await page.goto(`${baseUrl}/console/tasks`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();

      await page.getByRole('button', { name: 'Create task' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create a task' });
      await dialog.getByLabel(/^Name/).fill(name);
      await dialog.getByLabel(/^Task type/).selectOption('server/database-maintenance');
      // The parameters come from the type's schema; the server's own task has no scope.
      await dialog.getByRole('form', { name: 'Parameters' }).waitFor();
      assert.equal(await dialog.getByLabel(/^Group/).count(), 0);
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();

      await page.getByRole('heading', { level: 1, name }).waitFor();
      createdTasks.push(taskIdOf(page));
      await page.getByText('The task has not run yet.').waitFor();
      await page.getByRole('button', { name: 'Run now' }).click();

      // Followed live until the server reports it finished.
      const server = page.getByTestId('run-device-Server');
      await server.getByText('Succeeded', { exact: true }).waitFor({ timeout: 60_000 });
      const result = JSON.parse(await textOf(page.getByLabel('Result of Server')));
      assert.equal(result.database, 'derby');
      assert.ok(Array.isArray(result.tables) || typeof result.tables === 'number', JSON.stringify(result));
      assert.equal(await page.getByRole('button', { name: 'Cancel run' }).count(), 0);
    });
  });

  test('create an agent task for a group with a weekly schedule, run it and cancel the run that stays pending', async () => {
    const name = `E2E refresh ${suffix}`;
    await inBrowser('tasks-agent-schedule', async (page) => {
      await page.goto(`${baseUrl}/console/groups/${group.id}`);
      await signIn(page);
      await page.getByRole('heading', { level: 1, name: groupName }).waitFor();

      await page.getByRole('button', { name: 'Create task for this group' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create a task' });
      await dialog.getByLabel(/^Name/).fill(name);
      await dialog.getByLabel(/^Task type/).selectOption('agent/refresh-inventory');
      assert.equal(await dialog.getByLabel(/^Group/).inputValue(), group.id);
      await dialog.getByLabel('Starts').selectOption('WEEKLY');
      await dialog.getByLabel('Friday').check();
      await dialog.getByLabel(/^Time of day/).fill('06:30');
      await dialog.getByLabel('Time zone').fill('Europe/Berlin');
      await dialog.getByLabel('Random start delay (minutes)').fill('15');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();

      await page.getByRole('heading', { level: 1, name }).waitFor();
      createdTasks.push(taskIdOf(page));
      assert.equal(
        await textOf(page.getByTestId('task-schedule')),
        'Weekly on Monday, Friday at 06:30 (Europe/Berlin) · random delay up to 15 minutes',
      );

      // The device never syncs: its instruction stays pending until the run is cancelled.
      await page.getByRole('button', { name: 'Run now' }).click();
      const row = page.getByTestId(`run-device-${deviceName}`);
      await row.getByText('Pending', { exact: true }).waitFor();
      await page.getByText('Refreshed every 2 seconds while the run is going.').waitFor();
      await page.getByRole('button', { name: 'Cancel run' }).click();
      await row.getByText('Cancelled', { exact: true }).waitFor({ timeout: 30_000 });
      assert.equal(await page.getByRole('button', { name: 'Cancel run' }).count(), 0);
    });

    // The schedule was saved as the form showed it.
    await withAdminApi(async (api) => {
      const saved = await api.get(`/tasks/${createdTasks.at(-1)}`);
      assert.equal(saved.status, 200);
      assert.deepEqual(saved.body.scope.groupId, group.id);
      assert.equal(saved.body.schedule.kind, 'WEEKLY');
      assert.deepEqual([...saved.body.schedule.daysOfWeek].sort(), ['FRIDAY', 'MONDAY']);
      assert.match(saved.body.schedule.time, /^06:30/);
      assert.equal(saved.body.schedule.timeZone, 'Europe/Berlin');
      assert.equal(saved.body.schedule.randomDelayMinutes, 15);
      assert.ok(saved.body.nextRunAt, 'a weekly task has a next start');
    });

    // And the tasks list shows it with its schedule, filtered by its group.
    await inBrowser('tasks-list', async (page) => {
      await page.goto(`${baseUrl}/console/tasks?group=${group.id}`);
      await signIn(page);
      const row = page.getByTestId(`task-${name}`);
      await row.getByText('Weekly on Monday, Friday at 06:30 (Europe/Berlin)').waitFor();
      await row.getByText('Cancelled', { exact: true }).waitFor();
    });
  });
});
