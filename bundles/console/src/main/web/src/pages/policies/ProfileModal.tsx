import {
  Alert,
  Button,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Switch,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client';
import type { GroupChoice } from '../../api/groups';
import type { PolicyProfile } from '../../api/policies';
import { SchemaForm, type AboveValue, type FieldLocks, type InheritedField, type JsonSchema } from '../../components/schemaForm';
import { RulesEditor } from './RulesEditor';
import { fieldMessage, leavesOf, toggledLock, valueAt, withoutValueAt, withValueAt, type Settings } from './policyEditing';

/**
 * Adds or edits one profile: its name, whether it is on, its activation rules, and the settings it overrides. Only
 * the settings given a value here are overridden; each field says which value of the policy it would replace, and
 * its clear button gives the setting back to the policy. "Apply" puts it into the policy; saving the policy stores it.
 */
export function ProfileModal({
  profile,
  otherNames,
  errors,
  schema,
  policySettings,
  lockedAbove,
  groups,
  readOnly,
  onClose,
  onApply,
}: {
  /** The profile to edit; none: a new one. */
  profile: PolicyProfile | undefined;
  otherNames: readonly string[];
  /** The server's errors of this profile, paths below it (`settings/scan`, `rules/0/values`, `name`). */
  errors: readonly FieldError[];
  schema: JsonSchema;
  policySettings: Settings;
  lockedAbove: Readonly<Record<string, InheritedField>>;
  groups: readonly GroupChoice[];
  readOnly: boolean;
  onClose: () => void;
  onApply: (profile: PolicyProfile) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PolicyProfile>(
    () => profile ?? { name: '', enabled: true, settings: {}, lockedSettings: [], rules: [{ attribute: 'TAG', values: [] }] },
  );
  const [nameTaken, setNameTaken] = useState(false);
  const policyText = t('policies.origin.thisPolicy');
  const above = useMemo(
    () => Object.fromEntries(leavesOf(policySettings).map(([path, value]) => [path, { value, origin: policyText } satisfies AboveValue])),
    [policySettings, policyText],
  );
  const locks: FieldLocks = useMemo(
    () => ({ locked: draft.lockedSettings, onChange: (path, lock) => setDraft((current) => ({ ...current, lockedSettings: toggledLock(current.lockedSettings, path, lock) })) }),
    [draft.lockedSettings],
  );
  // Settings locked above show the value in force there, read-only; they are never part of the profile.
  const shown = useMemo(
    () =>
      Object.keys(lockedAbove).reduce((settings, path) => {
        const value = valueAt(policySettings, path);
        return value === undefined ? settings : withValueAt(settings, path, structuredClone(value));
      }, draft.settings),
    [lockedAbove, policySettings, draft.settings],
  );
  const nameError = nameTaken ? t('policies.profiles.nameTaken') : fieldMessage(errors, 'name');
  const unplaced = errors.filter((error) => error.field !== 'name' && !error.field.startsWith('settings') && !error.field.startsWith('rules/'));

  const apply = () => {
    const name = draft.name.trim();
    if (otherNames.some((other) => other.toLowerCase() === name.toLowerCase())) {
      setNameTaken(true);
      return;
    }
    onApply({ ...draft, name });
  };

  const title = profile ? t('policies.profiles.editTitle', { name: profile.name }) : t('policies.profiles.addTitle');
  return (
    <Modal isOpen variant="large" onClose={onClose} aria-labelledby="profile-title">
      <ModalHeader title={title} labelId="profile-title" />
      <ModalBody>
        {unplaced.length > 0 && (
          <Alert variant="danger" isInline title={t('policies.profiles.problems')} className="garrison-space-below">
            <List>
              {unplaced.map((error, index) => (
                <ListItem key={index}>{`${error.field}: ${error.message}`}</ListItem>
              ))}
            </List>
          </Alert>
        )}
        <Form
          id="profile-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!readOnly) {
              apply();
            }
          }}
        >
          <FormGroup label={t('policies.field.name')} fieldId="profile-name" isRequired>
            <TextInput
              id="profile-name"
              value={draft.name}
              isRequired
              maxLength={255}
              autoFocus
              isDisabled={readOnly}
              validated={nameError ? 'error' : 'default'}
              onChange={(_event, name) => {
                setNameTaken(false);
                setDraft((current) => ({ ...current, name }));
              }}
            />
            {nameError && (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant="error">{nameError}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
          </FormGroup>
          <FormGroup fieldId="profile-enabled" label={t('policies.profiles.enabled')}>
            <Switch
              id="profile-enabled"
              label={draft.enabled ? t('common.on') : t('common.off')}
              isChecked={draft.enabled}
              isDisabled={readOnly}
              onChange={(_event, enabled) => setDraft((current) => ({ ...current, enabled }))}
            />
          </FormGroup>
          <RulesEditor
            idPrefix="profile"
            rules={draft.rules}
            groups={groups}
            readOnly={readOnly}
            errors={errors}
            onChange={(rules) => setDraft((current) => ({ ...current, rules }))}
          />
        </Form>
        <Title headingLevel="h3" className="garrison-space-before">
          {t('policies.profiles.settings')}
        </Title>
        <Content component="p">{t('policies.profiles.settingsHelp')}</Content>
        <SchemaForm
          id="profile-settings"
          aria-label={t('policies.profiles.settings')}
          schema={schema}
          value={shown}
          onChange={(settings) => setDraft((current) => ({ ...current, settings: Object.keys(lockedAbove).reduce(withoutValueAt, settings) }))}
          errors={errors}
          errorPrefix="settings"
          readOnly={readOnly}
          locks={locks}
          inherited={lockedAbove}
          above={above}
          clearable
        />
      </ModalBody>
      <ModalFooter>
        {!readOnly && (
          <Button type="submit" form="profile-form" variant="primary" isDisabled={draft.name.trim() === ''}>
            {t('policies.profiles.apply')}
          </Button>
        )}
        <Button variant="link" onClick={onClose}>
          {readOnly ? t('common.close') : t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
