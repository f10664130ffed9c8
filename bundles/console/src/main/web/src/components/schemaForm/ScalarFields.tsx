import { FormSelect, FormSelectOption, Switch, TextArea, TextInput } from '@patternfly/react-core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlProps, FieldFrame, useField, type FieldProps } from './FieldFrame';
import type { Choice } from './schema';

/**
 * Text the admin is typing into a field whose value is not (yet) valid: kept on screen for the value it was typed
 * for, and given up as soon as the value changes from elsewhere.
 */
function useDraft(value: unknown, format: (value: unknown) => string) {
  const [draft, setDraft] = useState<{ text: string; value: unknown; invalid: boolean }>({ text: format(value), value, invalid: false });
  const current = Object.is(draft.value, value) ? draft : { text: format(value), value, invalid: false };
  return {
    text: current.text,
    invalid: current.invalid,
    /** The admin typed `text`, which means `parsed` (or nothing valid yet). */
    typed(text: string, parsed: { valid: true; value: unknown } | { valid: false }) {
      setDraft(parsed.valid ? { text, value: parsed.value, invalid: false } : { text, value, invalid: true });
    },
  };
}

export function StringField(props: FieldProps & { format: string | undefined }) {
  const { t } = useTranslation();
  const field = useField(props.path, props.schema);
  const text = typeof props.value === 'string' ? props.value : '';
  const common = {
    id: field.id,
    isDisabled: field.disabled,
    isRequired: props.required,
    ...controlProps(field),
  };
  const hints: string[] = [];
  let control;
  switch (props.format) {
    case 'date-time': {
      const local = localDateTimeOf(text);
      control =
        local === undefined ? (
          <TextInput {...common} value={text} onChange={(_event, next) => props.onChange(next === '' ? undefined : next)} />
        ) : (
          <TextInput {...common} type="datetime-local" value={local} onChange={(_event, next) => props.onChange(next === '' ? undefined : instantOf(next))} />
        );
      break;
    }
    case 'date':
      control = <TextInput {...common} type="date" value={text} onChange={(_event, next) => props.onChange(next === '' ? undefined : next)} />;
      break;
    case 'time': {
      // RFC 3339 times carry an offset; the form keeps the one the value has, UTC for a new one.
      const offset = text.length > 8 ? text.slice(8).replace(/^\.\d+/, '') || 'Z' : 'Z';
      hints.push(t('schemaForm.timeZone', { offset: offset === 'Z' || offset === 'z' ? 'UTC' : `UTC${offset}` }));
      control = (
        <TextInput
          {...common}
          type="time"
          step={1}
          value={text.slice(0, 8)}
          onChange={(_event, next) => props.onChange(next === '' ? undefined : `${next.length === 5 ? `${next}:00` : next}${offset}`)}
        />
      );
      break;
    }
    default:
      control = (
        <TextInput
          {...common}
          type={props.format === 'email' ? 'email' : 'text'}
          value={text}
          spellCheck={props.format === 'ipv4' || props.format === 'hostname' ? false : undefined}
          {...(typeof props.schema.maxLength === 'number' ? { maxLength: props.schema.maxLength } : {})}
          onChange={(_event, next) => props.onChange(next === '' ? undefined : next)}
        />
      );
  }
  return (
    <FieldFrame props={props} field={field} hints={hints}>
      {control}
    </FieldFrame>
  );
}

/** `2026-11-26T09:30:00Z` as the local `2026-11-26T10:30` a date-time input shows; `undefined` for other text. */
export function localDateTimeOf(text: string): string | undefined {
  if (text === '') {
    return '';
  }
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    return undefined;
  }
  const pad = (number: number) => String(number).padStart(2, '0');
  const seconds = instant.getSeconds() === 0 ? '' : `:${pad(instant.getSeconds())}`;
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}${seconds}`;
}

/** A local date-time input's value as an RFC 3339 instant in UTC. */
export function instantOf(local: string): string {
  return new Date(local).toISOString().replace('.000Z', 'Z');
}

export function ChoiceField(props: FieldProps & { choices: Choice[] }) {
  const { t } = useTranslation();
  const field = useField(props.path, props.schema);
  const selected = props.choices.findIndex((choice) => Object.is(choice.value, props.value));
  const offerNone = !props.required || selected < 0;
  return (
    <FieldFrame props={props} field={field}>
      <FormSelect
        id={field.id}
        value={selected < 0 ? '' : String(selected)}
        isDisabled={field.disabled}
        isRequired={props.required}
        {...controlProps(field)}
        onChange={(_event, index) => props.onChange(index === '' ? undefined : props.choices[Number(index)]?.value)}
      >
        {offerNone && <FormSelectOption value="" label={t('schemaForm.notSet')} />}
        {props.choices.map((choice, index) => (
          <FormSelectOption key={index} value={String(index)} label={choice.label} />
        ))}
      </FormSelect>
    </FieldFrame>
  );
}

export function NumberField(props: FieldProps & { integer: boolean }) {
  const { t } = useTranslation();
  const field = useField(props.path, props.schema);
  const draft = useDraft(props.value, (value) => (typeof value === 'number' ? String(value) : ''));
  const localError = draft.invalid ? t(props.integer ? 'schemaForm.notAnInteger' : 'schemaForm.notANumber') : undefined;
  const range = rangeOf(props.schema, t);
  return (
    <FieldFrame props={props} field={field} localError={localError} hints={range ? [range] : []}>
      <TextInput
        id={field.id}
        // Text, not type="number": browsers report half-typed numbers ("4.", "-") as empty, which the form could
        // neither keep on screen nor explain; the range is shown in the help instead.
        inputMode={props.integer ? 'numeric' : 'decimal'}
        value={draft.text}
        isDisabled={field.disabled}
        isRequired={props.required}
        {...controlProps(field, localError)}
        onChange={(_event, text) => {
          if (text.trim() === '') {
            draft.typed(text, { valid: true, value: undefined });
            props.onChange(undefined);
            return;
          }
          const number = Number(text);
          if (Number.isFinite(number) && (!props.integer || Number.isInteger(number))) {
            draft.typed(text, { valid: true, value: number });
            props.onChange(number);
          } else {
            draft.typed(text, { valid: false });
          }
        }}
      />
    </FieldFrame>
  );
}

/** The allowed range in words ("From 1 to 24"), or `undefined` when the schema sets none. */
export function rangeOf(schema: FieldProps['schema'], t: TFunction): string | undefined {
  const parts: string[] = [];
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (typeof minimum === 'number' && typeof maximum === 'number') {
    parts.push(t('schemaForm.range.between', { min: minimum, max: maximum }));
  } else if (typeof minimum === 'number') {
    parts.push(t('schemaForm.range.atLeast', { min: minimum }));
  } else if (typeof maximum === 'number') {
    parts.push(t('schemaForm.range.atMost', { max: maximum }));
  }
  if (typeof exclusiveMinimum === 'number') {
    parts.push(t('schemaForm.range.above', { min: exclusiveMinimum }));
  }
  if (typeof exclusiveMaximum === 'number') {
    parts.push(t('schemaForm.range.below', { max: exclusiveMaximum }));
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function BooleanField(props: FieldProps) {
  const { t } = useTranslation();
  const field = useField(props.path, props.schema);
  return (
    <FieldFrame props={props} field={field}>
      <Switch
        id={field.id}
        aria-labelledby={`${field.id}-label`}
        aria-describedby={field.helpId}
        label={props.value === true ? t('common.on') : t('common.off')}
        isChecked={props.value === true}
        isDisabled={field.disabled}
        onChange={(_event, checked) => props.onChange(checked)}
      />
    </FieldFrame>
  );
}

/** Any setting the form has no control for (a map, a union of shapes), edited as JSON text. */
export function JsonField(props: FieldProps) {
  const { t } = useTranslation();
  const field = useField(props.path, props.schema);
  const draft = useDraft(props.value, (value) => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [parseError, setParseError] = useState('');
  const localError = draft.invalid ? t('schemaForm.invalidJson', { message: parseError }) : undefined;
  return (
    <FieldFrame props={props} field={field} localError={localError} hints={[t('schemaForm.asJson')]}>
      <TextArea
        id={field.id}
        value={draft.text}
        isDisabled={field.disabled}
        isRequired={props.required}
        resizeOrientation="vertical"
        autoResize
        spellCheck={false}
        className="garrison-schema-json"
        {...controlProps(field, localError)}
        onChange={(_event, text) => {
          if (text.trim() === '') {
            draft.typed(text, { valid: true, value: undefined });
            props.onChange(undefined);
            return;
          }
          try {
            const value: unknown = JSON.parse(text);
            draft.typed(text, { valid: true, value });
            props.onChange(value);
          } catch (error) {
            setParseError(error instanceof Error ? error.message : String(error));
            draft.typed(text, { valid: false });
          }
        }}
      />
    </FieldFrame>
  );
}
