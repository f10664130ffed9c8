import {
  Button,
  Checkbox,
  FormFieldGroup,
  FormFieldGroupHeader,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  LabelGroup,
  Split,
  SplitItem,
  TextInput,
} from '@patternfly/react-core';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client';
import type { GroupChoice } from '../../api/groups';
import { ruleAttributes, ruleChoices, singleValueAttributes, type ProfileRule, type RuleAttribute } from '../../api/policies';

/** A rule value as the admin reads it: a group by its path, a fixed value in words, free text as it is. */
export function ruleValueName(t: TFunction, attribute: RuleAttribute, value: string, groups: readonly GroupChoice[]): string {
  if (attribute === 'GROUP') {
    return groups.find((group) => group.id === value)?.path ?? value;
  }
  return ruleChoices[attribute] ? t(`policies.rules.value.${value}` as 'policies.rules.value.INSIDE', { defaultValue: value }) : value;
}

/** The values a new rule of the attribute starts with: the first choice of a one-value attribute, else none. */
function startValues(attribute: RuleAttribute): string[] {
  const choices = ruleChoices[attribute];
  return singleValueAttributes.has(attribute) && choices ? [choices[0]!] : [];
}

/**
 * The activation rules of a profile: every rule must match (AND), one of a rule's values must match (OR). Each rule
 * picks an attribute and its values: a choice for the network side and for being offline, checkboxes for operating
 * system families, groups from the tree, free text (tags, owners, hardware, OS names) as chips.
 */
export function RulesEditor({
  rules,
  onChange,
  errors,
  groups,
  readOnly,
  idPrefix,
}: {
  rules: readonly ProfileRule[];
  onChange: (rules: ProfileRule[]) => void;
  /** Errors below the profile (`rules/0/values`). */
  errors: readonly FieldError[];
  groups: readonly GroupChoice[];
  readOnly: boolean;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const change = (index: number, rule: ProfileRule) => onChange(rules.map((current, position) => (position === index ? rule : current)));
  return (
    <FormFieldGroup
      header={<FormFieldGroupHeader titleText={{ text: t('policies.rules.title'), id: `${idPrefix}-rules-title` }} titleDescription={t('policies.rules.help')} />}
      aria-labelledby={`${idPrefix}-rules-title`}
    >
      {rules.length === 0 && <HelperText><HelperTextItem variant="warning">{t('policies.rules.none')}</HelperTextItem></HelperText>}
      {rules.map((rule, index) => (
        <RuleRow
          key={index}
          id={`${idPrefix}-rule-${index}`}
          number={index + 1}
          rule={rule}
          groups={groups}
          readOnly={readOnly}
          errors={errors.filter((error) => error.field === `rules/${index}` || error.field.startsWith(`rules/${index}/`))}
          onChange={(next) => change(index, next)}
          onRemove={() => onChange(rules.filter((_rule, position) => position !== index))}
        />
      ))}
      {!readOnly && (
        <div>
          <Button variant="link" icon={<PlusCircleIcon />} onClick={() => onChange([...rules, { attribute: 'TAG', values: [] }])}>
            {t('policies.rules.add')}
          </Button>
        </div>
      )}
    </FormFieldGroup>
  );
}

function RuleRow({
  id,
  number,
  rule,
  groups,
  readOnly,
  errors,
  onChange,
  onRemove,
}: {
  id: string;
  number: number;
  rule: ProfileRule;
  groups: readonly GroupChoice[];
  readOnly: boolean;
  errors: readonly FieldError[];
  onChange: (rule: ProfileRule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const title = t('policies.rules.rule', { number });
  const choices = ruleChoices[rule.attribute];
  const valueName = (value: string) => ruleValueName(t, rule.attribute, value, groups);

  let values;
  if (choices && singleValueAttributes.has(rule.attribute)) {
    values = (
      <FormSelect id={`${id}-value`} aria-label={t('policies.rules.valueOf', { rule: title })} value={rule.values[0] ?? ''} isDisabled={readOnly} onChange={(_event, value) => onChange({ ...rule, values: [value] })}>
        {choices.map((choice) => (
          <FormSelectOption key={choice} value={choice} label={valueName(choice)} />
        ))}
      </FormSelect>
    );
  } else if (choices) {
    values = (
      <div role="group" aria-label={t('policies.rules.valuesOf', { rule: title })}>
        {choices.map((choice) => (
          <Checkbox
            key={choice}
            id={`${id}-${choice}`}
            label={valueName(choice)}
            isChecked={rule.values.includes(choice)}
            isDisabled={readOnly}
            onChange={(_event, checked) => onChange({ ...rule, values: choices.filter((candidate) => (candidate === choice ? checked : rule.values.includes(candidate))) })}
          />
        ))}
      </div>
    );
  } else {
    values = <ValueChips id={id} title={title} rule={rule} groups={groups} readOnly={readOnly} valueName={valueName} onChange={onChange} />;
  }

  return (
    <FormFieldGroup
      aria-labelledby={`${id}-title`}
      header={
        <FormFieldGroupHeader
          titleText={{ text: title, id: `${id}-title` }}
          actions={
            !readOnly && (
              <Button variant="link" isDanger onClick={onRemove} aria-label={t('policies.rules.removeRule', { rule: title })}>
                {t('policies.rules.remove')}
              </Button>
            )
          }
        />
      }
    >
      <FormGroup label={t('policies.rules.attribute')} fieldId={`${id}-attribute`}>
        <FormSelect
          id={`${id}-attribute`}
          value={rule.attribute}
          isDisabled={readOnly}
          onChange={(_event, attribute) => onChange({ attribute: attribute as RuleAttribute, values: startValues(attribute as RuleAttribute) })}
        >
          {ruleAttributes.map((attribute) => (
            <FormSelectOption key={attribute} value={attribute} label={t(`policies.rules.attributeName.${attribute}`)} />
          ))}
        </FormSelect>
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{t(`policies.rules.attributeHelp.${rule.attribute}`)}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup label={t('policies.rules.values')} fieldId={`${id}-value`}>
        {values}
        {errors.length > 0 && (
          <FormHelperText>
            <HelperText isLiveRegion>
              {errors.map((error, index) => (
                <HelperTextItem key={index} variant="error">
                  {error.message}
                </HelperTextItem>
              ))}
            </HelperText>
          </FormHelperText>
        )}
      </FormGroup>
    </FormFieldGroup>
  );
}

/** Free values (or groups) as chips with an input, or a group picker, that adds one. */
function ValueChips({
  id,
  title,
  rule,
  groups,
  readOnly,
  valueName,
  onChange,
}: {
  id: string;
  title: string;
  rule: ProfileRule;
  groups: readonly GroupChoice[];
  readOnly: boolean;
  valueName: (value: string) => string;
  onChange: (rule: ProfileRule) => void;
}) {
  const { t } = useTranslation();
  const [entry, setEntry] = useState('');
  const add = (value: string) => {
    const text = value.trim();
    if (text !== '' && !rule.values.some((existing) => existing.toLowerCase() === text.toLowerCase())) {
      onChange({ ...rule, values: [...rule.values, text] });
    }
    setEntry('');
  };
  return (
    <>
      {rule.values.length > 0 && (
        <LabelGroup numLabels={20} aria-label={t('policies.rules.valuesOf', { rule: title })} className="garrison-space-below">
          {rule.values.map((value) => (
            <Label
              key={value}
              variant="outline"
              {...(readOnly ? {} : { onClose: () => onChange({ ...rule, values: rule.values.filter((candidate) => candidate !== value) }), closeBtnAriaLabel: t('policies.rules.removeValue', { value: valueName(value) }) })}
            >
              {valueName(value)}
            </Label>
          ))}
        </LabelGroup>
      )}
      {!readOnly &&
        (rule.attribute === 'GROUP' ? (
          <FormSelect id={`${id}-value`} aria-label={t('policies.rules.addGroup')} value="" onChange={(_event, value) => add(value)}>
            <FormSelectOption value="" label={t('policies.rules.addGroup')} />
            {groups
              .filter((group) => !rule.values.includes(group.id))
              .map((group) => (
                <FormSelectOption key={group.id} value={group.id} label={group.path} />
              ))}
          </FormSelect>
        ) : (
          <Split hasGutter>
            <SplitItem isFilled>
              <TextInput
                id={`${id}-value`}
                aria-label={t('policies.rules.newValue', { rule: title })}
                value={entry}
                maxLength={255}
                onChange={(_event, text) => setEntry(text)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    // Enter adds the value instead of submitting the profile's form.
                    event.preventDefault();
                    add(entry);
                  }
                }}
              />
            </SplitItem>
            <SplitItem>
              <Button variant="secondary" onClick={() => add(entry)} isDisabled={entry.trim() === ''} aria-label={t('policies.rules.addValueTo', { rule: title })}>
                {t('policies.rules.addValue')}
              </Button>
            </SplitItem>
          </Split>
        ))}
    </>
  );
}
