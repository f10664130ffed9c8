import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSection,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
  Switch,
  TextInput,
} from '@patternfly/react-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { unassignedDevicesGroupId, type GroupChoice } from '../../api/groups';
import { osTypes } from '../../api/devices';
import { createMovingRule, updateMovingRule, type DeviceMovingRule } from '../../api/movingRules';
import { describeError } from '../../components/ApiErrorAlert';
import { emptyRuleForm, ruleFormOf, ruleOf, type RuleForm } from './movingRuleForm';
import { Hint } from './Hint';

type TextField = 'tags' | 'dnsNamePattern' | 'dnsDomainPattern' | 'ipv4Ranges' | 'osVersionPattern' | 'osArchitecture' | 'applicationInstalled';

const textConditions: readonly TextField[] = [
  'tags',
  'dnsNamePattern',
  'dnsDomainPattern',
  'ipv4Ranges',
  'osVersionPattern',
  'osArchitecture',
  'applicationInstalled',
];

/** The form field a server error names: `conditions/ipv4Ranges/2` belongs to `ipv4Ranges`, `name` to `name`. */
function formFieldOf(field: string): string {
  const parts = field.split('/');
  return parts[0] === 'conditions' && parts[1] ? parts[1] : parts[0]!;
}

/** Creates or edits a device moving rule with every condition the API knows. */
export function MovingRuleModal({
  rule,
  groups,
  onClose,
  onSaved,
}: {
  rule?: DeviceMovingRule;
  groups: readonly GroupChoice[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const targets = groups.filter((group) => group.id !== unassignedDevicesGroupId);
  const [form, setForm] = useState<RuleForm>(rule ? ruleFormOf(rule) : emptyRuleForm(targets[0]?.id ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const change = (next: Partial<RuleForm>) => setForm((current) => ({ ...current, ...next }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(undefined);
    try {
      await (rule ? updateMovingRule(rule.id, ruleOf(form)) : createMovingRule(ruleOf(form)));
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        const byField: Record<string, string> = {};
        for (const fieldError of error.errors) {
          const field = formFieldOf(fieldError.field);
          byField[field] = byField[field] ? `${byField[field]}; ${fieldError.message}` : fieldError.message;
        }
        setErrors(byField);
      }
      setFailure(describeError(error, t));
      setBusy(false);
    }
  };

  const helper = (field: string, help?: string) =>
    (errors[field] || help) && (
      <FormHelperText>
        <HelperText>
          {errors[field] ? <HelperTextItem variant="error">{errors[field]}</HelperTextItem> : <HelperTextItem>{help}</HelperTextItem>}
        </HelperText>
      </FormHelperText>
    );

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="moving-rule-title">
      <ModalHeader title={rule ? t('movingRules.editTitle', { name: rule.name }) : t('movingRules.createTitle')} labelId="moving-rule-title" />
      <ModalBody>
        <Form id="moving-rule-form" onSubmit={(event) => void submit(event)}>
          {failure && (
            <Alert variant="danger" isInline title={t('common.failed')}>
              {failure}
            </Alert>
          )}
          <FormGroup label={t('movingRules.name')} fieldId="rule-name" isRequired>
            <TextInput
              id="rule-name"
              value={form.name}
              isRequired
              maxLength={255}
              validated={errors.name ? 'error' : 'default'}
              onChange={(_event, name) => change({ name })}
            />
            {helper('name')}
          </FormGroup>
          <FormGroup fieldId="rule-enabled">
            <Switch id="rule-enabled" label={t('movingRules.enabled')} isChecked={form.enabled} onChange={(_event, enabled) => change({ enabled })} />
          </FormGroup>
          <FormGroup label={t('movingRules.target')} fieldId="rule-target" isRequired>
            <FormSelect
              id="rule-target"
              value={form.targetGroupId}
              validated={errors.targetGroupId ? 'error' : 'default'}
              onChange={(_event, targetGroupId) => change({ targetGroupId })}
            >
              {targets.map((group) => (
                <FormSelectOption key={group.id} value={group.id} label={group.path} />
              ))}
            </FormSelect>
            {helper('targetGroupId')}
          </FormGroup>
          <FormGroup role="radiogroup" label={t('movingRules.mode')} fieldId="rule-mode" isStack>
            <Radio
              id="rule-mode-once"
              name="rule-mode"
              label={t('movingRules.modes.ONCE')}
              description={t('movingRules.modes.ONCEHelp')}
              isChecked={form.mode === 'ONCE'}
              onChange={() => change({ mode: 'ONCE' })}
            />
            <Radio
              id="rule-mode-continuous"
              name="rule-mode"
              label={t('movingRules.modes.CONTINUOUS')}
              description={t('movingRules.modes.CONTINUOUSHelp')}
              isChecked={form.mode === 'CONTINUOUS'}
              onChange={() => change({ mode: 'CONTINUOUS' })}
            />
            {helper('mode')}
          </FormGroup>
          <FormGroup fieldId="rule-unassigned-only">
            <Checkbox
              id="rule-unassigned-only"
              label={t('movingRules.unassignedOnly')}
              isChecked={form.unassignedOnly}
              onChange={(_event, unassignedOnly) => change({ unassignedOnly })}
            />
          </FormGroup>
          <FormSection title={t('movingRules.conditions')} titleElement="h3">
            {errors.conditions && (
              <Alert variant="danger" isInline isPlain title={errors.conditions} />
            )}
            <Hint>{t('movingRules.conditionsHelp')}</Hint>
            {textConditions.map((field) => (
              <FormGroup key={field} label={t(`movingRules.condition.${field}`)} fieldId={`rule-${field}`}>
                <TextInput
                  id={`rule-${field}`}
                  value={form[field]}
                  validated={errors[field] ? 'error' : 'default'}
                  onChange={(_event, value) => change({ [field]: value })}
                />
                {helper(field, t(`movingRules.conditionHelp.${field}`))}
              </FormGroup>
            ))}
            <FormGroup role="group" label={t('movingRules.condition.osTypes')} fieldId="rule-os-types" isInline>
              {osTypes.map((os) => (
                <Checkbox
                  key={os}
                  id={`rule-os-${os}`}
                  label={t(`movingRules.os.${os}`)}
                  isChecked={form.osTypes.includes(os)}
                  onChange={(_event, checked) =>
                    change({ osTypes: checked ? [...form.osTypes, os] : form.osTypes.filter((other) => other !== os) })
                  }
                />
              ))}
              {helper('osTypes', t('movingRules.conditionHelp.osTypes'))}
            </FormGroup>
            <FormGroup label={t('movingRules.condition.virtualMachine')} fieldId="rule-virtual-machine">
              <FormSelect
                id="rule-virtual-machine"
                value={form.virtualMachine}
                onChange={(_event, value) => change({ virtualMachine: value === 'yes' ? 'yes' : value === 'no' ? 'no' : 'any' })}
              >
                <FormSelectOption value="any" label={t('movingRules.virtualMachine.any')} />
                <FormSelectOption value="yes" label={t('movingRules.virtualMachine.yes')} />
                <FormSelectOption value="no" label={t('movingRules.virtualMachine.no')} />
              </FormSelect>
            </FormGroup>
          </FormSection>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="moving-rule-form" variant="primary" isLoading={busy} isDisabled={busy || !form.name.trim() || !form.targetGroupId}>
          {rule ? t('common.save') : t('movingRules.createButton')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
