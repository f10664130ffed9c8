import { useMemo } from 'react';
import type { PolicyApplication } from '../../api/policies';
import { usePlugins } from '../../plugins/PluginContributions';

export interface PolicyApplications {
  /** The applications with a settings schema; `undefined` until the console frame loaded them. */
  data: readonly PolicyApplication[] | undefined;
  /** Why they could not be loaded (only while nothing was loaded). */
  error: unknown;
}

/**
 * The applications policies can be made for, with their settings schemas: the active plugins that have one, as the
 * console frame loads them for every admin (`/console-contributions`, or `/plugins` for those who may read plugins).
 * A policy of an application missing here belongs to a plugin that is not active.
 */
export function usePolicyApplications(): PolicyApplications {
  const { settingsApplications, loaded, error } = usePlugins();
  return useMemo(
    () => (loaded ? { data: settingsApplications, error: undefined } : { data: undefined, error }),
    [loaded, settingsApplications, error],
  );
}
