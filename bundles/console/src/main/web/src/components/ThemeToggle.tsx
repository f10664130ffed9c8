import { useReducer } from 'react';
import { ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import DesktopIcon from '@patternfly/react-icons/dist/esm/icons/desktop-icon';
import MoonIcon from '@patternfly/react-icons/dist/esm/icons/moon-icon';
import SunIcon from '@patternfly/react-icons/dist/esm/icons/sun-icon';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { initialTheme, type Theme } from '../theme/theme';

const icons = { light: <SunIcon />, dark: <MoonIcon />, system: <DesktopIcon /> } as const;

/** Light, dark or the operating system's choice; kept in the account's settings when signed in. */
export function ThemeToggle() {
  const { t } = useTranslation();
  const { updateSettings } = useSession();
  // The theme lives in the document and the browser's storage; the session re-renders this when sign-in applies one.
  const theme = initialTheme();
  const [, rerender] = useReducer((count: number) => count + 1, 0);

  const choose = (chosen: Theme) => {
    // A failure to keep the choice on the server leaves it applied in this browser; My account reports such errors.
    void updateSettings({ theme: chosen }).catch(() => undefined);
    rerender();
  };

  return (
    <ToggleGroup isCompact aria-label={t('theme.label')}>
      {(['light', 'dark', 'system'] as const).map((option) => (
        <ToggleGroupItem
          key={option}
          icon={icons[option]}
          text={t(`theme.${option}`)}
          buttonId={`garrison-theme-${option}`}
          isSelected={theme === option}
          onChange={() => choose(option)}
        />
      ))}
    </ToggleGroup>
  );
}
