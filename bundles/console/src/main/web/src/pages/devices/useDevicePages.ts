import { useCallback, useEffect, useRef, useState } from 'react';
import { listDevices, searchOf, type Device, type DeviceQuery } from '../../api/devices';

/** Devices per request: a screenful several times over, small enough for a quick first answer. */
export const devicePageSize = 100;

export interface DevicePages {
  /** The devices loaded so far, in the listing's order. */
  items: Device[];
  /** Matching devices on the server, as counted with the first page. */
  total: number | null;
  /** Whether the server has more after `items`. */
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** Loads the next page unless one is loading or there is none. */
  loadMore: () => void;
  /** Starts again from the first page (after a change). */
  reload: () => void;
  /** After a failed load: tries that page again. */
  retry: () => void;
}

interface State {
  items: Device[];
  total: number | null;
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

const initial: State = { items: [], total: null, nextCursor: null, loading: true, error: undefined };

/**
 * The devices matching `query`, page after page with the server's cursor, as the table scrolls. A new query (or a
 * reload) drops what was loaded and aborts a page still on its way, so an old answer never mixes into a new list.
 */
export function useDevicePages(query: DeviceQuery): DevicePages {
  const key = searchOf(query).toString();
  const [state, setState] = useState<State>(initial);
  const [generation, setGeneration] = useState(0);
  const controller = useRef<AbortController | undefined>(undefined);
  const queryRef = useRef(query);
  queryRef.current = query;

  const fetchPage = useCallback((cursor: string | null) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState((previous) => ({ ...(cursor ? previous : initial), loading: true, error: undefined }));
    listDevices(queryRef.current, devicePageSize, cursor, current.signal).then(
      (page) => {
        if (current.signal.aborted) {
          return;
        }
        setState((previous) => ({
          items: cursor ? [...previous.items, ...page.items] : page.items,
          total: page.total ?? previous.total,
          nextCursor: page.nextCursor,
          loading: false,
          error: undefined,
        }));
      },
      (error: unknown) => {
        if (!current.signal.aborted) {
          setState((previous) => ({ ...previous, loading: false, error }));
        }
      },
    );
  }, []);

  useEffect(() => {
    fetchPage(null);
    return () => controller.current?.abort();
  }, [key, generation, fetchPage]);

  const stateRef = useRef(state);
  stateRef.current = state;
  const loadMore = useCallback(() => {
    const { loading, nextCursor, error } = stateRef.current;
    if (!loading && nextCursor && error === undefined) {
      fetchPage(nextCursor);
    }
  }, [fetchPage]);
  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  const retry = useCallback(() => {
    const { items, nextCursor } = stateRef.current;
    if (items.length > 0 && nextCursor) {
      fetchPage(nextCursor);
    } else {
      reload();
    }
  }, [fetchPage, reload]);

  return {
    items: state.items,
    total: state.total,
    hasMore: state.nextCursor !== null,
    loading: state.loading,
    error: state.error,
    loadMore,
    reload,
    retry,
  };
}
