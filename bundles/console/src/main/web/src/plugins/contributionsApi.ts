import { getJson } from '../api/client';
import type { ConsoleApplication } from './contributions';

/**
 * The console contributions of the active plugins (`GET /console-contributions`, any signed-in admin). An answer that
 * is not a list (a proxy's page, an older server) is refused as an error rather than taken for contributions.
 */
export async function listConsoleContributions(signal?: AbortSignal): Promise<ConsoleApplication[]> {
  const answer = await getJson<unknown>('/console-contributions', signal ? { signal } : {});
  if (!Array.isArray(answer)) {
    throw new TypeError('GET /console-contributions did not answer with a list');
  }
  return answer.filter(isApplication);
}

function isApplication(value: unknown): value is ConsoleApplication {
  const application = value as Partial<ConsoleApplication> | null;
  return (
    typeof application === 'object' &&
    application !== null &&
    typeof application.id === 'string' &&
    Array.isArray(application.console) &&
    Array.isArray(application.permissions)
  );
}
