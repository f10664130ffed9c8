import { useCallback, useEffect, useRef, useState } from 'react';

export interface CursorPages<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** The next page, or after a failure the page that failed. */
  loadMore: () => void;
}

/**
 * A cursor-paged listing shown with a "load more" button (a device's events, its revisions). `load` must keep its
 * identity while the listing stays the same; a new one starts again from the first page.
 */
export function useCursorPages<T>(load: (cursor: string | null, signal: AbortSignal) => Promise<{ items: T[]; nextCursor: string | null }>): CursorPages<T> {
  const [state, setState] = useState<{ items: T[]; next: string | null; loading: boolean; error: unknown }>({
    items: [],
    next: null,
    loading: true,
    error: undefined,
  });
  const controller = useRef<AbortController | undefined>(undefined);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState((previous) => ({ ...(cursor ? previous : { items: [], next: null }), loading: true, error: undefined }));
      load(cursor, current.signal).then(
        (page) => {
          if (!current.signal.aborted) {
            setState((previous) => ({ items: cursor ? [...previous.items, ...page.items] : page.items, next: page.nextCursor, loading: false, error: undefined }));
          }
        },
        (error: unknown) => {
          if (!current.signal.aborted) {
            setState((previous) => ({ ...previous, loading: false, error }));
          }
        },
      );
    },
    [load],
  );

  useEffect(() => {
    fetchPage(null);
    return () => controller.current?.abort();
  }, [fetchPage]);

  const stateRef = useRef(state);
  stateRef.current = state;
  const loadMore = useCallback(() => {
    const { items, next, loading } = stateRef.current;
    if (!loading) {
      fetchPage(items.length > 0 ? next : null);
    }
  }, [fetchPage]);

  return { items: state.items, hasMore: state.next !== null, loading: state.loading, error: state.error, loadMore };
}
