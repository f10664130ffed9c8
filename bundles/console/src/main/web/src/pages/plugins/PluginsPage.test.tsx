import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Plugin } from '../../api/plugins';
import type { PluginModuleExports } from '../../plugins/contract';
import { importModule } from '../../plugins/importModule';
import { endpointProtection, refusedPlugin, stoppedPlugin } from '../../plugins/testPlugins';
import type { SessionState } from '../../session/SessionContext';
import { fakeServer, noContent } from '../../testing/fakeServer';
import { adminAccount, adminMe, jsonResponse, problemResponse, renderConsole, signedInAsAdmin } from '../../testing/renderConsole';
import { deviceNumber, groupsAnswer } from '../devices/testDevices';

// Plugin modules are files the server serves; here a test double stands in for the browser's dynamic import.
vi.mock('../../plugins/importModule', () => ({ importModule: vi.fn() }));

beforeEach(() => {
  vi.stubEnv('BASE_URL', '/console/');
  vi.mocked(importModule).mockReset();
});
afterEach(() => vi.unstubAllEnvs());

function sessionWith(permissions: string[]): SessionState {
  const granted = Object.fromEntries(permissions.map((permission) => [permission, { everywhere: true, roots: [] }]));
  return { ...signedInAsAdmin, me: { ...adminMe, permissions: { ...adminMe.permissions, ...granted } } } as SessionState;
}

const pluginAdmin = sessionWith(['plugins.read', 'plugins.write', 'endpoint-protection.read', 'endpoint-protection.admin']);
const pluginReader = sessionWith(['plugins.read', 'endpoint-protection.read']);

const listOf = (...plugins: Plugin[]) => () => jsonResponse(plugins);

/** A module that renders a heading and tells which device it shows. */
function threatsModule(): PluginModuleExports & { unmounted: number } {
  const module = {
    unmounted: 0,
    mount(element: HTMLElement, context: { deviceId?: string }) {
      const heading = document.createElement('h1');
      heading.textContent = context.deviceId ? `Protection of ${context.deviceId}` : 'Threats across the fleet';
      element.append(heading);
    },
    unmount(element: HTMLElement) {
      module.unmounted++;
      element.replaceChildren();
    },
  };
  return module;
}

const rowOf = async (name: string) => (await screen.findByRole('button', { name })).closest('tr')!;
const navigation = () => screen.getByRole('navigation', { name: 'Main navigation' });

async function chooseAction(user: ReturnType<typeof userEvent.setup>, plugin: string, action: string) {
  await user.click(screen.getByRole('button', { name: `Actions of ${plugin}` }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

// The first test also loads the page's code; the machine running the tests may be busy.
describe('Plugins page', { timeout: 20_000 }, () => {
  it('lists the installed plugins with their state, and the reason one was refused', async () => {
    fakeServer({ 'GET /plugins': listOf(endpointProtection, refusedPlugin, stoppedPlugin) });
    renderConsole('/installed-plugins', 'en', { session: pluginAdmin });

    const active = await rowOf('Endpoint protection');
    expect(within(active).getByText('endpoint-protection')).toBeTruthy();
    expect(within(active).getByText('Garrison samples')).toBeTruthy();
    expect(within(active).getByText('1.2.0')).toBeTruthy();
    expect(within(active).getByText('Active')).toBeTruthy();
    expect(within(active).getByText('Trusted')).toBeTruthy();
    const refused = await rowOf('Broken AV');
    expect(within(refused).getByText('Refused')).toBeTruthy();
    expect(within(refused).getByText('Plugin broken-av 0.9.0 needs Garrison 9.0.0 or later; this server is 0.1.0')).toBeTruthy();
    expect(within(await rowOf('Device control')).getByText('Stopped')).toBeTruthy();
    expect(within(navigation()).getByRole('link', { name: 'Plugins' })).toBeTruthy();
  });

  it('shows what a plugin contributes in a drawer that the URL keeps', async () => {
    fakeServer({ 'GET /plugins': listOf(endpointProtection, stoppedPlugin) });
    renderConsole('/installed-plugins?plugin=endpoint-protection', 'en', { session: pluginAdmin });
    const user = userEvent.setup();

    const details = await screen.findByRole('heading', { level: 2, name: 'Endpoint protection' });
    const drawer = details.closest('.pf-v6-c-drawer__panel') as HTMLElement;
    for (const text of [
      'Full scan (full-scan), runs on devices',
      'Threat report (report), runs on the server',
      'Threat detected (threat-detected), critical',
      'Threats found (threats)',
      'Device tab: Protection',
      'endpoint-protection.read: See threats',
      'Licence key: from admins, in table EP_LICENCE, kept until replaced · encrypted',
      'Trusted',
      'Signed by CN=Garrison Samples,O=Garrison, a trusted signer',
      'CN=Garrison Samples,O=Garrison',
      '3f1c9ad2b7e04c51a6d8e2f90b1c7d3e5a4f6b8c9d0e1f2a3b4c5d6e7f80e07a',
    ]) {
      expect(within(drawer).getByText(text)).toBeTruthy();
    }
    expect(within(drawer).getByRole('link', { name: 'Page: Threats' }).getAttribute('href')).toBe('/applications/endpoint-protection/threats');

    await user.click(screen.getByRole('button', { name: 'Device control' }));
    expect(await screen.findByText('A plugin contributes nothing while it is not active.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Close the details' }));
    await waitFor(() => expect(screen.queryByText('A plugin contributes nothing while it is not active.')).toBeNull());
  });

  it('stops and starts plugins, and the navigation follows without a reload', async () => {
    const calls = fakeServer({
      'GET /plugins': [listOf(endpointProtection, refusedPlugin), listOf({ ...endpointProtection, state: 'stopped' }, refusedPlugin)],
      'POST /plugins/endpoint-protection/stop': () => jsonResponse({ ...endpointProtection, state: 'stopped' }),
      'POST /plugins/broken-av/start': () => jsonResponse(refusedPlugin),
    });
    renderConsole('/installed-plugins', 'en', { session: pluginAdmin });
    const user = userEvent.setup();

    await rowOf('Endpoint protection');
    const applications = await within(navigation()).findByRole('link', { name: 'Threats' });
    expect(applications.getAttribute('href')).toBe('/applications/endpoint-protection/threats');
    expect(within(navigation()).getByText('Applications')).toBeTruthy();

    await chooseAction(user, 'Endpoint protection', 'Stop');
    expect(await screen.findByText('Endpoint protection is stopped; its data is kept')).toBeTruthy();
    await waitFor(() => expect(within(navigation()).queryByRole('link', { name: 'Threats' })).toBeNull());
    expect(within(navigation()).queryByText('Applications')).toBeNull();
    expect(calls.filter((call) => call.key === 'POST /plugins/endpoint-protection/stop')).toHaveLength(1);

    await chooseAction(user, 'Broken AV', 'Start');
    expect(await screen.findByText('The server refused Broken AV')).toBeTruthy();
    expect(screen.getAllByText(/needs Garrison 9.0.0 or later/).length).toBeGreaterThan(1);
  });

  it('uninstalls a plugin, deleting its data only when asked to', async () => {
    const calls = fakeServer({
      'GET /plugins': [listOf(endpointProtection), listOf()],
      'DELETE /plugins/endpoint-protection': noContent,
    });
    renderConsole('/installed-plugins', 'en', { session: pluginAdmin });
    const user = userEvent.setup();

    await rowOf('Endpoint protection');
    await chooseAction(user, 'Endpoint protection', 'Uninstall…');
    const dialog = await screen.findByRole('dialog', { name: /Uninstall Endpoint protection \(endpoint-protection\)\?/ });
    expect(within(dialog).getByRole('button', { name: 'Uninstall' })).toBeTruthy();
    await user.click(within(dialog).getByRole('checkbox', { name: /Also delete its data/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Uninstall and delete data' }));

    expect(await screen.findByText('Endpoint protection is uninstalled and its data deleted')).toBeTruthy();
    expect(calls.find((call) => call.key === 'DELETE /plugins/endpoint-protection')?.url).toBe('/api/v1/plugins/endpoint-protection?purge=true');
    expect(await screen.findByText('No plugins installed')).toBeTruthy();
  });

  it('keeps the data of an uninstalled plugin by default and shows a refusal inside the dialogue', async () => {
    const calls = fakeServer({
      'GET /plugins': listOf(endpointProtection),
      'DELETE /plugins/endpoint-protection': [() => problemResponse(409, 'Conflict', { detail: 'the plugin is being upgraded' }), noContent],
    });
    renderConsole('/installed-plugins', 'en', { session: pluginAdmin });
    const user = userEvent.setup();

    await rowOf('Endpoint protection');
    await chooseAction(user, 'Endpoint protection', 'Uninstall…');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Uninstall' }));
    expect(await within(dialog).findByText('Conflict: the plugin is being upgraded')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Uninstall' }));

    expect(await screen.findByText('Endpoint protection is uninstalled; its data is kept for a later reinstallation')).toBeTruthy();
    expect(calls.filter((call) => call.key === 'DELETE /plugins/endpoint-protection').map((call) => call.url)).toEqual([
      '/api/v1/plugins/endpoint-protection?purge=false',
      '/api/v1/plugins/endpoint-protection?purge=false',
    ]);
  });

  it('uploads a JAR with progress, shows why the server refused one, and installs the next', async () => {
    const uploads = fakeUploads();
    const calls = fakeServer({ 'GET /plugins': [listOf(stoppedPlugin), listOf(stoppedPlugin, endpointProtection)] });
    renderConsole('/installed-plugins', 'en', { session: pluginAdmin });
    const user = userEvent.setup();

    await rowOf('Device control');
    await user.click(screen.getByRole('button', { name: 'Upload plugin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Upload a plugin' });
    expect(within(dialog).getByText('At most 64 MB.')).toBeTruthy();
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['PK broken'], 'broken.jar', { type: 'application/java-archive' }));
    expect((within(dialog).getByLabelText('Chosen file') as HTMLInputElement).value).toBe('broken.jar');
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));

    const first = await uploads.next();
    expect(first.headers['X-CSRF-Token']).toBe('csrf-token-of-the-test');
    expect((first.body.get('file') as File).name).toBe('broken.jar');
    act(() => first.progress(0.5));
    expect(within(dialog).getByRole('progressbar', { name: 'Uploading broken.jar' }).getAttribute('aria-valuenow')).toBe('50');
    act(() =>
      first.respond(422, 'application/problem+json', {
        type: 'about:blank',
        title: 'Invalid input',
        status: 422,
        errors: [{ field: 'plugin.json/console/0/module', message: 'names GARRISON-INF/console/threats.js, which is not in the JAR' }],
      }),
    );
    expect(await within(dialog).findByText('The plugin was not installed')).toBeTruthy();
    expect(within(dialog).getByText('plugin.json/console/0/module: names GARRISON-INF/console/threats.js, which is not in the JAR')).toBeTruthy();

    await user.upload(input, new File(['PK good'], 'endpoint-protection-1.2.0.jar'));
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    const second = await uploads.next();
    act(() => second.respond(201, 'application/json', endpointProtection));

    expect(await screen.findByText('Endpoint protection 1.2.0 is installed and active')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await rowOf('Endpoint protection')).toBeTruthy();
    expect(calls.filter((call) => call.key === 'GET /plugins').length).toBeGreaterThanOrEqual(2);
    expect(await within(navigation()).findByRole('link', { name: 'Threats' })).toBeTruthy();
  });

  it('reads the account again when a new plugin brings permissions, so its pages show at once', async () => {
    const uploads = fakeUploads();
    const session = sessionWith(['plugins.read', 'plugins.write']);
    const calls = fakeServer({
      'GET /plugins': [listOf(stoppedPlugin), listOf(stoppedPlugin, endpointProtection)],
      'GET /me': () =>
        jsonResponse({
          account: adminAccount,
          permissions: { ...(session.status === 'signed-in' ? session.me?.permissions : {}), 'endpoint-protection.read': { everywhere: true, roots: [] } },
          pendingSteps: [],
        }),
    });
    renderConsole('/installed-plugins', 'en', { session });
    const user = userEvent.setup();

    await rowOf('Device control');
    expect(calls.filter((call) => call.key === 'GET /me')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Upload plugin' }));
    await user.upload((await screen.findByRole('dialog')).querySelector('input[type="file"]') as HTMLInputElement, new File(['PK'], 'ep.jar'));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const upload = await uploads.next();
    act(() => upload.respond(201, 'application/json', endpointProtection));

    await waitFor(() => expect(within(navigation()).getByRole('link', { name: 'Threats' })).toBeTruthy());
    expect(calls.filter((call) => call.key === 'GET /me').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a JAR larger than the server accepts before sending it, and takes a dropped file', async () => {
    const uploads = fakeUploads();
    fakeServer({ 'GET /plugins': listOf(stoppedPlugin) });
    renderConsole('/installed-plugins', 'en', { session: pluginAdmin });
    const user = userEvent.setup();

    await rowOf('Device control');
    await user.click(screen.getByRole('button', { name: 'Upload plugin' }));
    const dialog = await screen.findByRole('dialog');
    const huge = new File(['x'], 'huge.jar');
    Object.defineProperty(huge, 'size', { value: 65 * 1024 * 1024 });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, huge);
    expect(await within(dialog).findByText('The file is larger than 64 MB, the most the server accepts.')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Upload' }) as HTMLButtonElement).disabled).toBe(true);

    const dropped = new File(['PK'], 'dropped.jar');
    const zone = dialog.querySelector('.pf-v6-c-file-upload') as HTMLElement;
    fireEvent.drop(zone, { dataTransfer: { files: [dropped], items: [{ kind: 'file', type: '', getAsFile: () => dropped }], types: ['Files'] } });
    await waitFor(() => expect((within(dialog).getByLabelText('Chosen file') as HTMLInputElement).value).toBe('dropped.jar'));
    await user.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(((await uploads.next()).body.get('file') as File).name).toBe('dropped.jar');
  });

  it('shows plugins without the means to change them to an admin who may only read them', async () => {
    fakeServer({ 'GET /plugins': listOf(endpointProtection) });
    renderConsole('/installed-plugins', 'en', { session: pluginReader });

    await rowOf('Endpoint protection');
    expect(screen.queryByRole('button', { name: 'Upload plugin' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Actions of Endpoint protection' })).toBeNull();
  });

  it('is not offered to an admin who may not read plugins, who never asks for them', async () => {
    const calls = fakeServer({});
    renderConsole('/installed-plugins', 'en', { session: sessionWith([]) });

    expect(await screen.findByRole('heading', { level: 1, name: 'No access' })).toBeTruthy();
    expect(within(navigation()).queryByRole('link', { name: 'Plugins' })).toBeNull();
    expect(calls.filter((call) => call.key === 'GET /plugins')).toEqual([]);
  });

  it('speaks German', async () => {
    fakeServer({ 'GET /plugins': listOf(refusedPlugin) });
    renderConsole('/installed-plugins', 'de', { session: pluginAdmin });

    expect(await screen.findByRole('heading', { level: 1, name: 'Plug-ins' })).toBeTruthy();
    expect(await screen.findByText('Abgelehnt')).toBeTruthy();
  });
});

describe('plugin contributions in the console', { timeout: 20_000 }, () => {
  it('opens a plugin page from the navigation and mounts its module, unmounting it when leaving', async () => {
    const module = threatsModule();
    vi.mocked(importModule).mockResolvedValue(module);
    fakeServer({ 'GET /plugins': listOf(endpointProtection), 'GET /events': () => jsonResponse({ items: [], nextCursor: null }) });
    renderConsole('/installed-plugins', 'en', { session: pluginAdmin });
    const user = userEvent.setup();

    await user.click(await within(navigation()).findByRole('link', { name: 'Threats' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Threats across the fleet' })).toBeTruthy();
    expect(importModule).toHaveBeenCalledWith('/console/plugins/endpoint-protection/threats.js?v=1.2.0-2026-11-26T09%3A00%3A00Z');
    expect(within(navigation()).getByRole('link', { name: 'Threats' }).getAttribute('aria-current')).toBe('page');

    await user.click(within(navigation()).getByRole('link', { name: 'Plugins' }));
    await screen.findByRole('heading', { level: 1, name: 'Plugins' });
    expect(module.unmounted).toBe(1);
  });

  it('says so when a page’s plugin is not active, and refuses a page the admin may not open', async () => {
    fakeServer({ 'GET /plugins': listOf(endpointProtection, stoppedPlugin) });
    const { unmount } = renderConsole('/applications/device-control/rules', 'en', { session: pluginAdmin });
    expect(await screen.findByText('Device control is not active, so its pages are not available.')).toBeTruthy();
    unmount();

    renderConsole('/applications/endpoint-protection/licences', 'en', { session: pluginReader });
    expect(await screen.findByRole('heading', { level: 1, name: 'No access' })).toBeTruthy();
    expect(within(navigation()).queryByRole('link', { name: 'Licences' })).toBeNull();
    expect(importModule).not.toHaveBeenCalled();
  });

  it('adds a plugin’s tab to the device page and gives its module the device', async () => {
    vi.mocked(importModule).mockResolvedValue(threatsModule());
    const device = deviceNumber(7);
    fakeServer({
      'GET /plugins': listOf(endpointProtection),
      'GET /groups': () => jsonResponse(groupsAnswer),
      [`GET /devices/${device.id}`]: () => jsonResponse(device),
    });
    renderConsole(`/devices/${device.id}`, 'en', { session: sessionWith(['plugins.read', 'devices.read', 'endpoint-protection.read']) });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('tab', { name: 'Protection' }, { timeout: 10_000 }));
    expect(await screen.findByRole('heading', { level: 1, name: `Protection of ${device.id}` })).toBeTruthy();
    expect(importModule).toHaveBeenCalledWith('/console/plugins/endpoint-protection/tab.js?v=1.2.0-2026-11-26T09%3A00%3A00Z');
  });
});

interface FakeUpload {
  headers: Record<string, string>;
  body: FormData;
  progress: (share: number) => void;
  respond: (status: number, contentType: string, body: unknown) => void;
}

/** Replaces XMLHttpRequest (which uploads use, for progress) with a double the test answers. */
function fakeUploads() {
  const sent: FakeUpload[] = [];
  const waiting: ((upload: FakeUpload) => void)[] = [];
  class FakeXhr {
    status = 0;
    statusText = '';
    responseText = '';
    withCredentials = false;
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private readonly headers: Record<string, string> = {};
    private contentType = '';
    open(method: string, url: string) {
      expect([method, url]).toEqual(['POST', '/api/v1/plugins']);
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    getResponseHeader(name: string) {
      return name.toLowerCase() === 'content-type' ? this.contentType : null;
    }
    abort() {
      this.onabort?.();
    }
    send(body: FormData) {
      const upload: FakeUpload = {
        headers: this.headers,
        body,
        progress: (share) => this.upload.onprogress?.({ lengthComputable: true, loaded: share * 100, total: 100 } as ProgressEvent),
        respond: (status, contentType, answer) => {
          this.status = status;
          this.contentType = contentType;
          this.responseText = JSON.stringify(answer);
          this.onload?.();
        },
      };
      sent.push(upload);
      waiting.shift()?.(upload);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  let taken = 0;
  return {
    /** The next upload sent (waits for it). */
    next(): Promise<FakeUpload> {
      const index = taken++;
      return sent[index] ? Promise.resolve(sent[index]) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}
