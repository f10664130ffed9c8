import { Label } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { PluginState } from '../../api/plugins';

const statuses = {
  active: { status: 'success' },
  starting: { status: 'info' },
  stopped: { color: 'grey' },
  refused: { status: 'danger' },
} as const satisfies Record<PluginState, object>;

/** A plugin's state in words, with a colour and icon: active green, starting blue, stopped grey, refused red. */
export function PluginStateLabel({ state }: { state: PluginState }) {
  const { t } = useTranslation();
  return <Label {...(statuses[state] ?? { color: 'grey' })}>{t(`plugins.state.${state}`, { defaultValue: state })}</Label>;
}
