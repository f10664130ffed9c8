import { useEffect, useState } from 'react';

export interface PolledState<T> {
  /** The last value loaded, kept while later loads fail so the page can show it as stale. */
  data: T | undefined;
  /** The error of the last load, cleared by the next successful one. */
  error: unknown;
  /** When `data` was loaded. */
  loadedAt: Date | undefined;
}

/**
 * Loads a value now and again `intervalMs` after each load has finished, so slow answers never overlap. The
 * running request is aborted when the component unmounts. `load` must keep its identity (a module function).
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number): PolledState<T> {
  const [state, setState] = useState<PolledState<T>>({ data: undefined, error: undefined, loadedAt: undefined });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = async () => {
      try {
        const data = await load(controller.signal);
        setState({ data, error: undefined, loadedAt: new Date() });
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        setState((previous) => ({ ...previous, error }));
      }
      if (!controller.signal.aborted) {
        timer = setTimeout(poll, intervalMs);
      }
    };
    void poll();

    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [load, intervalMs]);

  return state;
}
