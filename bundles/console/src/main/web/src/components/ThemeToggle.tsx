import { useState } from 'react';
import { ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import MoonIcon from '@patternfly/react-icons/dist/esm/icons/moon-icon';
import SunIcon from '@patternfly/react-icons/dist/esm/icons/sun-icon';
import { useTranslation } from 'react-i18next';
import { initialTheme, selectTheme, type Theme } from '../theme/theme';

export function ThemeToggle() {
  const { t } = useTranslation();
  const [theme, setTheme] = useState<Theme>(initialTheme);

  const choose = (chosen: Theme) => {
    selectTheme(chosen);
    setTheme(chosen);
  };

  return (
    <ToggleGroup isCompact aria-label={t('theme.label')}>
      <ToggleGroupItem
        icon={<SunIcon />}
        text={t('theme.light')}
        buttonId="garrison-theme-light"
        isSelected={theme === 'light'}
        onChange={() => choose('light')}
      />
      <ToggleGroupItem
        icon={<MoonIcon />}
        text={t('theme.dark')}
        buttonId="garrison-theme-dark"
        isSelected={theme === 'dark'}
        onChange={() => choose('dark')}
      />
    </ToggleGroup>
  );
}
