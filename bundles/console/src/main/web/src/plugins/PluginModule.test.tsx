import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import { createI18n } from '../i18n/language';
import { selectTheme } from '../theme/theme';
import { bodyOf, fakeServer, headersOf } from '../testing/fakeServer';
import { jsonResponse, problemResponse } from '../testing/renderConsole';
import { PluginApiError, type PluginContext, type PluginModuleExports } from './contract';
import { consolePath, PluginModule } from './PluginModule';

const moduleUrl = '/console/plugins/endpoint-protection/threats.js?v=1.2.0-x';

/** A module as a vendor would write it: renders a heading, remembers its context, cleans up on unmount. */
function headingModule(log: string[] = []) {
  const contexts: PluginContext[] = [];
  const module: PluginModuleExports = {
    mount(element, context) {
      contexts.push(context);
      log.push(`mount ${context.language} ${context.theme}${context.deviceId ? ` ${context.deviceId}` : ''}`);
      const heading = document.createElement('h1');
      heading.textContent = 'Threats across the fleet';
      element.append(heading);
    },
    unmount(element) {
      log.push(`unmount ${element.childElementCount}`);
      element.replaceChildren();
    },
  };
  return { module, contexts, log };
}

function renderModule(importer: (url: string) => Promise<unknown>, props: { deviceId?: string } = {}) {
  const i18n = createI18n('en');
  function Host() {
    const [shown, setShown] = useState(true);
    return (
      <>
        <button type="button" onClick={() => setShown(false)}>
          Leave
        </button>
        {shown && <PluginModule pluginId="endpoint-protection" pluginName="Endpoint protection" moduleUrl={moduleUrl} importer={importer} {...props} />}
      </>
    );
  }
  const view = render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={['/applications/endpoint-protection/threats']}>
        <Routes>
          <Route path="/applications/:plugin/:page" element={<Host />} />
          <Route path="/devices/:id" element={<h1>Device page</h1>} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
  return { ...view, i18n, user: userEvent.setup() };
}

// The console is served below /console/ (Vite's base); tests run at the root unless told.
beforeEach(() => vi.stubEnv('BASE_URL', '/console/'));
afterEach(() => vi.unstubAllEnvs());

describe('PluginModule', () => {
  it('imports the module, mounts it with its context and unmounts it when leaving', async () => {
    const { module, contexts, log } = headingModule();
    const importer = vi.fn().mockResolvedValue(module);
    const { user } = renderModule(importer, { deviceId: 'd-1' });

    expect(await screen.findByRole('heading', { name: 'Threats across the fleet' })).toBeTruthy();
    expect(importer).toHaveBeenCalledWith(moduleUrl);
    const context = contexts[0]!;
    expect(context).toMatchObject({
      pluginId: 'endpoint-protection',
      basePath: '/console/plugins/endpoint-protection/',
      language: 'en',
      theme: 'light',
      deviceId: 'd-1',
    });
    expect(Object.isFrozen(context)).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(log).toEqual(['mount en light d-1', 'unmount 1']);
    expect(context.signal.aborted).toBe(true);
  });

  it('mounts the module again with the new context when the language or the theme changes', async () => {
    const { module, log } = headingModule();
    const { i18n } = renderModule(vi.fn().mockResolvedValue(module));
    await screen.findByRole('heading', { name: 'Threats across the fleet' });

    await act(async () => {
      await i18n.changeLanguage('de');
    });
    await act(async () => selectTheme('dark'));
    await screen.findByRole('heading', { name: 'Threats across the fleet' });

    expect(log).toEqual(['mount en light', 'unmount 1', 'mount de light', 'unmount 1', 'mount de dark']);
    expect(screen.getAllByRole('heading', { name: 'Threats across the fleet' })).toHaveLength(1);
  });

  it('shows an error naming the plugin when the module cannot be loaded', async () => {
    renderModule(vi.fn().mockRejectedValue(new TypeError('Failed to fetch dynamically imported module')));

    expect(await screen.findByText('The page of Endpoint protection could not be loaded')).toBeTruthy();
    expect(screen.getByText('Failed to fetch dynamically imported module')).toBeTruthy();
  });

  it('shows an error when the module exports no mount function', async () => {
    renderModule(vi.fn().mockResolvedValue({ render: () => undefined }));

    expect(await screen.findByText('The page of Endpoint protection cannot be shown')).toBeTruthy();
    expect(screen.getByText('Its module /console/plugins/endpoint-protection/threats.js exports no mount(element, context) function.')).toBeTruthy();
  });

  it('unmounts and clears a module whose mount throws, and shows why', async () => {
    const log: string[] = [];
    const module: PluginModuleExports = {
      mount(element) {
        element.append(document.createElement('p'));
        throw new Error('licence key missing');
      },
      unmount(element) {
        log.push(`unmount ${element.childElementCount}`);
      },
    };
    const { container } = renderModule(vi.fn().mockResolvedValue(module));

    expect(await screen.findByText('Endpoint protection failed to show this page')).toBeTruthy();
    expect(screen.getByText('licence key missing')).toBeTruthy();
    expect(log).toEqual(['unmount 1']);
    expect(container.querySelector('[data-plugin="endpoint-protection"]')?.childElementCount).toBe(0);
  });

  it('waits for an asynchronous mount and reports its rejection', async () => {
    const module: PluginModuleExports = { mount: () => Promise.reject(new Error('no data yet')) };
    renderModule(vi.fn().mockResolvedValue(module));

    expect(await screen.findByText('no data yet')).toBeTruthy();
  });

  it('survives a module whose unmount throws', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const module: PluginModuleExports = {
      mount: (element) => void element.append(document.createElement('p')),
      unmount: () => {
        throw new Error('already gone');
      },
    };
    const { user, container } = renderModule(vi.fn().mockResolvedValue(module));
    await vi.waitFor(() => expect(container.querySelector('[data-plugin] p')).toBeTruthy());

    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(container.querySelector('[data-plugin]')).toBeNull();
    expect(errors).toHaveBeenCalledWith('Plugin endpoint-protection: unmount() failed', expect.any(Error));
  });

  it('gives the module an API client with the session and a navigation inside the console', async () => {
    const { module, contexts } = headingModule();
    renderModule(vi.fn().mockResolvedValue(module));
    await screen.findByRole('heading', { name: 'Threats across the fleet' });
    const context = contexts[0]!;
    setCsrfToken('csrf-of-the-session');
    const calls = fakeServer({
      'GET /me': () => jsonResponse({ login: 'admin' }),
      'POST /plugins/endpoint-protection/scans': () => jsonResponse({ id: 's-1' }, 201),
      'DELETE /devices/d-1': () => problemResponse(403, 'Forbidden', { detail: 'needs devices.write' }),
      'PUT /devices/d-1': () => problemResponse(422, 'Invalid input', { errors: [{ field: 'name', message: 'must not be blank' }] }),
    });

    expect(await context.api.get('/me')).toEqual({ login: 'admin' });
    expect(await context.api.get('/api/v1/me')).toEqual({ login: 'admin' });
    expect(await context.api.post('/plugins/endpoint-protection/scans', { full: true })).toEqual({ id: 's-1' });
    const post = calls.find((call) => call.key === 'POST /plugins/endpoint-protection/scans')!;
    expect(headersOf(post)['X-CSRF-Token']).toBe('csrf-of-the-session');
    expect(bodyOf(post)).toEqual({ full: true });

    const refused = await context.api.delete('/devices/d-1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PluginApiError);
    expect(refused).toMatchObject({ status: 403, problem: { title: 'Forbidden', detail: 'needs devices.write' } });
    const invalid = await context.api.put('/devices/d-1', { name: '' }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 422, problem: { errors: [{ field: 'name', message: 'must not be blank' }] } });

    await expect(context.api.get('https://elsewhere.example/steal')).rejects.toThrow(TypeError);
    await expect(context.api.get('me')).rejects.toThrow(TypeError);
    expect(calls.map((call) => call.url).filter((url) => !url.startsWith('/api/v1/'))).toEqual([]);

    act(() => context.navigate('/console/devices/d-1'));
    expect(await screen.findByRole('heading', { name: 'Device page' })).toBeTruthy();
  });

  it('cancels the module’s API calls when it is unmounted', async () => {
    const { module, contexts } = headingModule();
    const { user } = renderModule(vi.fn().mockResolvedValue(module));
    await screen.findByRole('heading', { name: 'Threats across the fleet' });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      ),
    );

    const pending = contexts[0]!.api.get('/events').catch((error: unknown) => error);
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(await pending).toMatchObject({ name: 'AbortError' });
  });
});

describe('consolePath', () => {
  it('takes console paths with or without the console base and refuses anything else', () => {
    expect(consolePath('/devices/1')).toBe('/devices/1');
    expect(consolePath('/console/devices/1')).toBe('/devices/1');
    expect(consolePath('/console')).toBe('/');
    expect(() => consolePath('//evil.example/')).toThrow(TypeError);
    expect(() => consolePath('https://evil.example/')).toThrow(TypeError);
  });
});
