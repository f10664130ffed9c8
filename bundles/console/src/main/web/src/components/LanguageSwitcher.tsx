import { useState } from 'react';
import { MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import GlobeIcon from '@patternfly/react-icons/dist/esm/icons/globe-icon';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../i18n/resources';
import { useSession } from '../session/SessionContext';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { updateSettings } = useSession();
  const [isOpen, setIsOpen] = useState(false);
  // Each language is named in its own words, so a user who cannot read the current one still finds theirs.
  const nameOf = (language: string) => i18n.getFixedT(language)('language.name');

  return (
    <Select
      isOpen={isOpen}
      selected={i18n.language}
      onOpenChange={setIsOpen}
      onSelect={(_event, value) => {
        setIsOpen(false);
        if (isLanguage(value)) {
          // Applied at once; kept in the account's settings when signed in (My account reports a failure to save).
          void updateSettings({ language: value }).catch(() => undefined);
        }
      }}
      popperProps={{ position: 'right' }}
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          variant="plainText"
          icon={<GlobeIcon />}
          isExpanded={isOpen}
          onClick={() => setIsOpen((open) => !open)}
          aria-label={`${t('language.label')}: ${nameOf(i18n.language)}`}
        >
          {nameOf(i18n.language)}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={t('language.label')}>
        {languages.map((language) => (
          <SelectOption key={language} value={language} lang={language}>
            {nameOf(language)}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}
