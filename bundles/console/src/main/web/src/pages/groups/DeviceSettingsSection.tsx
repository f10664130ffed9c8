import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Switch,
  TextInput,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { fetchDeviceSettings, fetchEffectiveDeviceSettings, hasDayThresholds, saveDeviceSettings } from '../../api/groups';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { draftOf, fieldOfError, settingsOf, type ConditionDraft, type SettingsDraft } from './deviceSettings';

/**
 * The group's own device settings (status conditions, inactivity handling, inherit and force switches) and which
 * settings are in force for it, with the group they come from.
 */
export function DeviceSettingsSection({
  groupId,
  topLevel,
  unassigned,
  mayWrite,
  groupName,
}: {
  groupId: string;
  topLevel: boolean;
  unassigned: boolean;
  mayWrite: boolean;
  groupName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const own = useLoad(useCallback((signal: AbortSignal) => fetchDeviceSettings(groupId, signal), [groupId]));
  const effective = useLoad(useCallback((signal: AbortSignal) => fetchEffectiveDeviceSettings(groupId, signal), [groupId]));
  const [draft, setDraft] = useState<SettingsDraft | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ saved: true } | { failure: string } | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (own.data) {
      setDraft(draftOf(own.data));
    }
  }, [own.data]);

  if (own.error !== undefined) {
    return <ApiErrorAlert variant="danger" title={t('groups.settings.loadFailed')} error={own.error} />;
  }
  if (!draft) {
    return <PageLoading label={t('groups.settings.loading')} />;
  }

  const readOnly = !mayWrite;
  const conditionsLocked = readOnly || (draft.inheritFromParent && !topLevel);
  const change = (next: Partial<SettingsDraft>) => setDraft({ ...draft, ...next });
  const changeCondition = (type: string, next: Partial<ConditionDraft>) =>
    change({ conditions: draft.conditions.map((condition) => (condition.type === type ? { ...condition, ...next } : condition)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setOutcome(undefined);
    const settings = settingsOf(draft);
    try {
      const saved = await saveDeviceSettings(groupId, settings);
      setDraft(draftOf(saved));
      setOutcome({ saved: true });
      effective.reload();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(Object.fromEntries(error.errors.map((fieldError) => [fieldOfError(settings, fieldError.field), fieldError.message])));
      }
      setOutcome({ failure: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => errors[field];
  const helper = (field: string) =>
    errorOf(field) && (
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant="error">{errorOf(field)}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    );

  return (
    <Card>
      <CardTitle component="h2">{t('groups.settings.title')}</CardTitle>
      <CardBody>
        <Form onSubmit={(event) => void submit(event)} aria-label={t('groups.settings.title')}>
          {effective.data && (
            <Alert variant="info" isInline isPlain title={t('groups.settings.inForce')} data-testid="settings-in-force">
              {effective.data.sourceGroupId === groupId ? (
                t('groups.settings.ownInForce')
              ) : (
                <>
                  {t(effective.data.forced ? 'groups.settings.forcedBy' : 'groups.settings.inheritedFrom')}{' '}
                  <Link to={`/groups/${effective.data.sourceGroupId}`}>{groupName(effective.data.sourceGroupId)}</Link>
                </>
              )}
            </Alert>
          )}
          {outcome && 'saved' in outcome && <Alert variant="success" isInline isLiveRegion title={t('groups.settings.saved')} />}
          {outcome && 'failure' in outcome && (
            <Alert variant="danger" isInline isLiveRegion title={t('groups.settings.saveFailed')}>
              {outcome.failure}
            </Alert>
          )}
          <FormGroup fieldId="settings-inherit">
            <Switch
              id="settings-inherit"
              label={t('groups.settings.inherit')}
              isChecked={draft.inheritFromParent && !topLevel}
              isDisabled={readOnly || topLevel}
              onChange={(_event, checked) => change({ inheritFromParent: checked })}
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{topLevel ? t('groups.settings.inheritTopLevel') : t('groups.settings.inheritHelp')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <FormGroup fieldId="settings-force">
            <Switch
              id="settings-force"
              label={t('groups.settings.force')}
              isChecked={draft.forceOnChildren}
              isDisabled={readOnly}
              onChange={(_event, checked) => change({ forceOnChildren: checked })}
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('groups.settings.forceHelp')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <Table aria-label={t('groups.settings.conditions')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('groups.settings.condition')}</Th>
                <Th>{t('groups.settings.active')}</Th>
                <Th>{t('groups.settings.warning')}</Th>
                <Th>{t('groups.settings.critical')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {draft.conditions.map((condition) => {
                const name = t(`groups.conditions.${condition.type}`);
                const days = hasDayThresholds(condition.type);
                const locked = conditionsLocked || !condition.enabled;
                return (
                  <Tr key={condition.type}>
                    <Td dataLabel={t('groups.settings.condition')}>
                      {name}
                      {helper(condition.type)}
                    </Td>
                    <Td dataLabel={t('groups.settings.active')}>
                      <Checkbox
                        id={`condition-${condition.type}`}
                        aria-label={t('groups.settings.activeOf', { condition: name })}
                        isChecked={condition.enabled}
                        isDisabled={conditionsLocked}
                        onChange={(_event, checked) => changeCondition(condition.type, { enabled: checked })}
                      />
                    </Td>
                    {days ? (
                      <>
                        <Td dataLabel={t('groups.settings.warning')}>
                          <ThresholdInput
                            id={`condition-${condition.type}-warning`}
                            label={t('groups.settings.warningOf', { condition: name })}
                            value={condition.warning}
                            disabled={locked}
                            error={errorOf(`${condition.type}/warningThreshold`)}
                            onChange={(warning) => changeCondition(condition.type, { warning })}
                          />
                        </Td>
                        <Td dataLabel={t('groups.settings.critical')}>
                          <ThresholdInput
                            id={`condition-${condition.type}-critical`}
                            label={t('groups.settings.criticalOf', { condition: name })}
                            value={condition.critical}
                            disabled={locked}
                            error={errorOf(`${condition.type}/criticalThreshold`)}
                            onChange={(critical) => changeCondition(condition.type, { critical })}
                          />
                        </Td>
                      </>
                    ) : (
                      <Td dataLabel={t('groups.settings.level')} colSpan={2}>
                        <FormSelect
                          id={`condition-${condition.type}-level`}
                          aria-label={t('groups.settings.levelOf', { condition: name })}
                          value={condition.level}
                          isDisabled={locked}
                          onChange={(_event, value) => changeCondition(condition.type, { level: value === 'CRITICAL' ? 'CRITICAL' : 'WARNING' })}
                        >
                          <FormSelectOption value="WARNING" label={t('groups.settings.raisesWarning')} />
                          <FormSelectOption value="CRITICAL" label={t('groups.settings.raisesCritical')} />
                        </FormSelect>
                      </Td>
                    )}
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
          <FormHelperText>
            <HelperText>
              <HelperTextItem>{t('groups.settings.thresholdHelp')}</HelperTextItem>
            </HelperText>
          </FormHelperText>
          <FormGroup label={t('groups.settings.notifyAfter')} fieldId="settings-notify">
            <TextInput
              id="settings-notify"
              type="number"
              min={1}
              value={draft.notifyAfterDays}
              isDisabled={conditionsLocked}
              validated={errorOf('inactivity/notifyAfterDays') ? 'error' : 'default'}
              onChange={(_event, value) => change({ notifyAfterDays: value })}
            />
            {helper('inactivity/notifyAfterDays')}
          </FormGroup>
          <FormGroup label={t(unassigned ? 'groups.settings.deleteAfter' : 'groups.settings.removeAfter')} fieldId="settings-remove">
            <TextInput
              id="settings-remove"
              type="number"
              min={1}
              value={draft.removeAfterDays}
              isDisabled={conditionsLocked}
              validated={errorOf('inactivity/removeAfterDays') ? 'error' : 'default'}
              onChange={(_event, value) => change({ removeAfterDays: value })}
            />
            {helper('inactivity/removeAfterDays')}
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('groups.settings.neverHelp')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          {mayWrite && (
            <ActionGroup>
              <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy}>
                {t('groups.settings.save')}
              </Button>
            </ActionGroup>
          )}
        </Form>
      </CardBody>
    </Card>
  );
}

function ThresholdInput({
  id,
  label,
  value,
  disabled,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <TextInput
        id={id}
        type="number"
        min={0}
        aria-label={label}
        value={value}
        isDisabled={disabled}
        validated={error ? 'error' : 'default'}
        onChange={(_event, next) => onChange(next)}
      />
      {error && (
        <HelperText>
          <HelperTextItem variant="error">{error}</HelperTextItem>
        </HelperText>
      )}
    </>
  );
}
