import { useCallback, useEffect, useState } from 'react';

export interface LoadedState<T> {
  data: T | undefined;
  error: unknown;
  /** Loads again (after a change), keeping the current data on screen meanwhile. */
  reload: () => void;
}

/**
 * Loads a value when the component mounts and on `reload()`; a running load is aborted when the component unmounts
 * or a newer load starts. `load` must keep its identity (a module function or a memoised callback).
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>): LoadedState<T> {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) {
          setData(value);
          setError(undefined);
        }
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) {
          setError(failure);
        }
      },
    );
    return () => controller.abort();
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  return { data, error, reload };
}
