import { HelperText, HelperTextItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** A quiet explanation under a heading or a control, in PatternFly's helper-text style. */
export function Hint({ children, live }: { children: ReactNode; live?: boolean }) {
  return (
    <HelperText {...(live ? { isLiveRegion: true } : {})}>
      <HelperTextItem>{children}</HelperTextItem>
    </HelperText>
  );
}
