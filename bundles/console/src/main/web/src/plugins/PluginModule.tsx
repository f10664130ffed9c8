import { Alert } from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import type { PluginContext, PluginModuleExports } from './contract';
import { pluginBasePath } from './contributions';
import { importModule, type ModuleImporter } from './importModule';
import { createPluginApi } from './pluginApi';
import { useShownTheme } from './useShownTheme';

export interface PluginModuleProps {
  pluginId: string;
  /** The plugin's display name, for messages. */
  pluginName: string;
  moduleUrl: string;
  /** For a device tab: the device shown. */
  deviceId?: string;
  /** Loads the module; the browser's dynamic import unless a test gives a double. */
  importer?: ModuleImporter;
}

type Status =
  | { kind: 'loading' }
  | { kind: 'mounted' }
  | { kind: 'failed'; reason: 'load' | 'contract' | 'mount'; message: string };

/**
 * Shows a plugin's console module: imports it, mounts it into an element of its own with a {@link PluginContext},
 * and unmounts it when leaving (or when language, theme or device change, mounting it again with the new context).
 * A module that cannot be loaded, lacks `mount` or fails in it is shown as an error naming the plugin; the console
 * goes on working.
 */
export function PluginModule({ pluginId, pluginName, moduleUrl, deviceId, importer = importModule }: PluginModuleProps) {
  const { t, i18n } = useTranslation();
  const theme = useShownTheme();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const containerRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const language = i18n.language;

  useEffect(() => {
    const element = containerRef.current;
    if (!element) {
      return undefined;
    }
    const lifetime = new AbortController();
    let mounted: PluginModuleExports | undefined;
    const fail = (reason: 'load' | 'contract' | 'mount', message: string) => {
      if (!lifetime.signal.aborted) {
        setStatus({ kind: 'failed', reason, message });
      }
    };
    const takeDown = () => {
      const module = mounted;
      mounted = undefined;
      try {
        module?.unmount?.(element);
      } catch (error) {
        // The module is going away either way; its own error must not stop the console from leaving the page.
        console.error(`Plugin ${pluginId}: unmount() failed`, error);
      }
      element.replaceChildren();
    };
    const context: PluginContext = Object.freeze({
      pluginId,
      basePath: pluginBasePath(pluginId),
      language,
      theme,
      ...(deviceId !== undefined ? { deviceId } : {}),
      api: createPluginApi(lifetime.signal),
      navigate: (path: string) => void navigateRef.current(consolePath(path)),
      signal: lifetime.signal,
    });

    setStatus({ kind: 'loading' });
    importer(moduleUrl).then(
      async (loaded) => {
        if (lifetime.signal.aborted) {
          return;
        }
        const module = loaded as Partial<PluginModuleExports> | undefined;
        if (typeof module?.mount !== 'function') {
          fail('contract', moduleUrl.split('?')[0] ?? moduleUrl);
          return;
        }
        mounted = module as PluginModuleExports;
        try {
          await mounted.mount(element, context);
          if (!lifetime.signal.aborted) {
            setStatus({ kind: 'mounted' });
          }
        } catch (error) {
          if (!lifetime.signal.aborted) {
            takeDown();
            fail('mount', messageOf(error));
          }
        }
      },
      (error: unknown) => fail('load', messageOf(error)),
    );

    return () => {
      lifetime.abort();
      takeDown();
    };
  }, [pluginId, moduleUrl, deviceId, language, theme, importer]);

  return (
    <>
      {status.kind === 'loading' && <PageLoading label={t('plugins.host.loading', { plugin: pluginName })} />}
      {status.kind === 'failed' && (
        <Alert variant="danger" isInline isLiveRegion title={t(`plugins.host.failed.${status.reason}`, { plugin: pluginName })}>
          {status.reason === 'contract' ? t('plugins.host.noMount', { module: status.message }) : status.message}
        </Alert>
      )}
      <div ref={containerRef} className="garrison-plugin-module" data-plugin={pluginId} />
    </>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A console path for the router: `/devices/1` as it is, `/console/devices/1` without the console's base. Other
 * origins and relative paths are refused: a module navigates inside the console only.
 */
export function consolePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
    throw new TypeError(`navigate() takes a console path such as '/devices'; not ${String(path)}`);
  }
  return base && (path === base || path.startsWith(`${base}/`)) ? path.slice(base.length) || '/' : path;
}
