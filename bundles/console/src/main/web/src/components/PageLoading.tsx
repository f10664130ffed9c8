import { Bullseye, Spinner } from '@patternfly/react-core';

/** Placeholder while a page's code chunk or first data is loading. */
export function PageLoading({ label }: { label: string }) {
  return (
    <Bullseye>
      <Spinner aria-label={label} />
    </Bullseye>
  );
}
