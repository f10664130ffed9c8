import { Label } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { PluginSignatureState } from '../../api/plugins';

const looks = {
  trusted: { status: 'success' },
  untrusted: { status: 'warning' },
  unsigned: { color: 'grey' },
  invalid: { status: 'danger' },
  'not-checked': { color: 'grey', variant: 'outline' },
} as const satisfies Record<PluginSignatureState, object>;

/** A plugin's signature in words, with a colour: trusted green, untrusted orange, invalid red, others grey. */
export function SignatureLabel({ state }: { state: PluginSignatureState }) {
  const { t } = useTranslation();
  return <Label {...(looks[state] ?? { color: 'grey' })}>{t(`plugins.signature.${state}`, { defaultValue: state })}</Label>;
}
