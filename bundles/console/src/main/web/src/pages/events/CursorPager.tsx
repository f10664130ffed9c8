import { Button } from '@patternfly/react-core';
import { useState } from 'react';

/**
 * Where a cursor-paged listing stands: the cursors of the pages before the current one, so "previous" can go back
 * (the API only gives the cursor of the next page).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors.at(-1),
    pageNumber: cursors.length + 1,
    next: (nextCursor: string | null | undefined) => {
      if (nextCursor) {
        setCursors((current) => [...current, nextCursor]);
      }
    },
    previous: () => setCursors((current) => current.slice(0, -1)),
    reset: () => setCursors((current) => (current.length === 0 ? current : [])),
  };
}

/** "Previous · page n · next" for a cursor-paged listing, as a labelled navigation landmark. */
export function CursorPager({
  label,
  pageLabel,
  previousLabel,
  nextLabel,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  label: string;
  pageLabel: string;
  previousLabel: string;
  nextLabel: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  return (
    <nav aria-label={label}>
      <Button variant="secondary" isDisabled={!hasPrevious} onClick={onPrevious}>
        {previousLabel}
      </Button>
      <span className="garrison-space-before" aria-live="polite">
        {pageLabel}
      </span>
      <Button variant="secondary" className="garrison-space-before" isDisabled={!hasNext} onClick={onNext}>
        {nextLabel}
      </Button>
    </nav>
  );
}
