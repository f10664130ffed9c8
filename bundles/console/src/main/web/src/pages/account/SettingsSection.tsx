import { ActionGroup, Alert, Button, Form, FormGroup, FormSelect, FormSelectOption, Radio } from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ApiErrorAlert';
import { isLanguage, languages, type Language } from '../../i18n/resources';
import { useSession } from '../../session/SessionContext';
import { initialTheme, isTheme, themes, type Theme } from '../../theme/theme';

/** Interface language and theme, kept in the account's settings so they follow the person to every browser. */
export function SettingsSection() {
  const { t, i18n } = useTranslation();
  const { state, updateSettings } = useSession();
  const saved = state.status === 'signed-in' ? state.settings : undefined;
  const [language, setLanguage] = useState<Language>(isLanguage(saved?.language) ? saved.language : isLanguage(i18n.language) ? i18n.language : 'en');
  const [theme, setTheme] = useState<Theme>(isTheme(saved?.theme) ? saved.theme : initialTheme());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: true } | { failure: string } | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      await updateSettings({ language, theme });
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ failure: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form maxWidth="40rem" onSubmit={(event) => void submit(event)} aria-label={t('myAccount.settings.tab')}>
      {outcome && 'saved' in outcome && <Alert variant="success" isInline title={t('myAccount.settings.saved')} />}
      {outcome && 'failure' in outcome && (
        <Alert variant="danger" isInline title={t('myAccount.settings.saveFailed')}>
          {outcome.failure}
        </Alert>
      )}
      <FormGroup label={t('myAccount.settings.language')} fieldId="settings-language">
        <FormSelect
          id="settings-language"
          value={language}
          onChange={(_event, value) => {
            if (isLanguage(value)) {
              setLanguage(value);
            }
          }}
        >
          {languages.map((option) => (
            <FormSelectOption key={option} value={option} label={i18n.getFixedT(option)('language.name')} lang={option} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('myAccount.settings.theme')} role="radiogroup" fieldId="settings-theme" isInline>
        {themes.map((option) => (
          <Radio
            key={option}
            id={`settings-theme-${option}`}
            name="settings-theme"
            label={t(`theme.${option}`)}
            isChecked={theme === option}
            onChange={() => setTheme(option)}
          />
        ))}
      </FormGroup>
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
          {t('common.save')}
        </Button>
      </ActionGroup>
    </Form>
  );
}
