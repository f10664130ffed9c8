import { Button, FormGroup, FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import LockIcon from '@patternfly/react-icons/dist/esm/icons/lock-icon';
import LockOpenIcon from '@patternfly/react-icons/dist/esm/icons/lock-open-icon';
import UndoIcon from '@patternfly/react-icons/dist/esm/icons/undo-icon';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIdOf, inheritedAt, useFormState, type AboveValue, type InheritedField } from './formState';
import type { JsonSchema } from './schema';

/** What every field of the form gets. */
export interface FieldProps {
  /** The setting's path, e.g. `scan/schedule/interval`. */
  path: string;
  /** Its schema, references followed. */
  schema: JsonSchema;
  label: string;
  required: boolean;
  value: unknown;
  /** The new value; `undefined` removes the setting. */
  onChange: (value: unknown) => void;
}

export interface FieldInfo {
  /** The id of the field's control (or group). */
  id: string;
  /** The id of its help texts, for `aria-describedby`. */
  helpId: string;
  /** The server's errors for this field. */
  errors: string[];
  /** The field shows its value but cannot be changed: read-only form, read-only setting, or inherited. */
  disabled: boolean;
  /** Set by a parent policy, when this field is where it is named (enclosed fields are disabled silently). */
  inherited: InheritedField | undefined;
  /** The value in force above this form's own at this path, if any. */
  above: AboveValue | undefined;
}

export function useField(path: string, schema: JsonSchema): FieldInfo {
  const state = useFormState();
  const inherited = inheritedAt(state.inherited, path);
  const id = fieldIdOf(state.idPrefix, path);
  return {
    id,
    helpId: `${id}-help`,
    errors: state.errors.get(path) ?? [],
    disabled: state.readOnly || schema.readOnly === true || inherited !== undefined,
    inherited: inherited?.path === path ? inherited.field : undefined,
    above: Object.hasOwn(state.above, path) ? state.above[path] : undefined,
  };
}

/** `aria-describedby` and `validated` for a field's control. */
export function controlProps(field: FieldInfo, localError?: string) {
  return {
    'aria-describedby': field.helpId,
    validated: field.errors.length > 0 || localError ? ('error' as const) : ('default' as const),
  };
}

/**
 * A setting's label (with the required marker and the lock toggle), its control, and its help: description, default,
 * where an inherited value comes from, and errors. `group` labels several controls (checkboxes, list entries).
 */
export function FieldFrame({
  props,
  field,
  group = false,
  localError,
  hints = [],
  children,
}: {
  props: FieldProps;
  field: FieldInfo;
  group?: boolean;
  localError?: string | undefined;
  hints?: readonly string[];
  children: ReactNode;
}) {
  const labelId = `${field.id}-label`;
  return (
    <FormGroup
      label={<span id={labelId}>{props.label}</span>}
      isRequired={props.required}
      fieldId={field.id}
      labelInfo={<FieldActions props={props} field={field} />}
      {...(group ? { role: 'group', 'aria-labelledby': labelId } : {})}
    >
      {children}
      <FieldHelp schema={props.schema} value={props.value} field={field} localError={localError} hints={hints} />
    </FormGroup>
  );
}

/** Description, default, origin and errors of a setting, in that order. */
export function FieldHelp({
  schema,
  value,
  field,
  localError,
  hints = [],
}: {
  schema: JsonSchema;
  value: unknown;
  field: FieldInfo;
  localError?: string | undefined;
  hints?: readonly string[];
}) {
  const { t } = useTranslation();
  const items: ReactNode[] = [];
  if (schema.description) {
    items.push(<HelperTextItem key="description">{schema.description}</HelperTextItem>);
  }
  hints.forEach((hint, index) => items.push(<HelperTextItem key={`hint-${index}`}>{hint}</HelperTextItem>));
  if (value === undefined && field.above && !field.inherited) {
    items.push(
      <HelperTextItem key="above" variant="indeterminate">
        {t('schemaForm.applies', { value: shownValue(field.above.value, t), origin: field.above.origin })}
      </HelperTextItem>,
    );
  } else if (value === undefined && schema.default !== undefined) {
    items.push(<HelperTextItem key="default">{t('schemaForm.default', { value: shownValue(schema.default, t) })}</HelperTextItem>);
  }
  if (field.inherited) {
    items.push(
      <HelperTextItem key="origin" variant="indeterminate" icon={field.inherited.locked ? <LockIcon /> : undefined}>
        {field.inherited.locked
          ? t('schemaForm.lockedBy', { origin: field.inherited.origin })
          : t('schemaForm.inheritedFrom', { origin: field.inherited.origin })}
      </HelperTextItem>,
    );
  }
  for (const [index, message] of [...(localError ? [localError] : []), ...field.errors].entries()) {
    items.push(
      <HelperTextItem key={`error-${index}`} variant="error">
        {message}
      </HelperTextItem>,
    );
  }
  if (items.length === 0) {
    return null;
  }
  return (
    <FormHelperText>
      <HelperText id={field.helpId} isLiveRegion={field.errors.length > 0 || localError !== undefined}>
        {items}
      </HelperText>
    </FormHelperText>
  );
}

function shownValue(value: unknown, t: TFunction): string {
  if (typeof value === 'boolean') {
    return value ? t('common.on') : t('common.off');
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? t('schemaForm.none') : value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  }
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * The lock toggle of a setting, where the form has locks and the setting may be locked: listed as lockable, or, with no
 * list, any setting that is not a group of settings. A setting a parent policy locked has none: it cannot be unlocked
 * here.
 */
export function LockToggle({ path, label, isGroup = false }: { path: string; label: string; isGroup?: boolean }) {
  const { t } = useTranslation();
  const state = useFormState();
  const locks = state.locks;
  if (!locks || inheritedAt(state.inherited, path)?.field.locked) {
    return null;
  }
  if (locks.lockable ? !locks.lockable.includes(path) : isGroup) {
    return null;
  }
  const locked = locks.locked.includes(path);
  return (
    <Button
      variant="plain"
      size="sm"
      icon={locked ? <LockIcon /> : <LockOpenIcon />}
      aria-label={t('schemaForm.lock', { field: label })}
      aria-pressed={locked}
      isDisabled={state.readOnly}
      onClick={() => locks.onChange(path, !locked)}
    />
  );
}

/** The buttons beside a setting's label: its lock toggle and, in a clearable form, the one that removes its value. */
export function FieldActions({ props, field, isGroup = false }: { props: FieldProps; field: FieldInfo; isGroup?: boolean }) {
  return (
    <>
      <LockToggle path={props.path} label={props.label} isGroup={isGroup} />
      <ClearButton props={props} field={field} />
    </>
  );
}

/** Removes the setting's value (in a clearable form, where it has one and may change). */
export function ClearButton({ props, field }: { props: FieldProps; field: FieldInfo }) {
  const { t } = useTranslation();
  const { clearable } = useFormState();
  if (!clearable || props.value === undefined || field.disabled || props.path === '') {
    return null;
  }
  return (
    <Button
      variant="plain"
      size="sm"
      icon={<UndoIcon />}
      aria-label={t('schemaForm.clear', { field: props.label })}
      title={t('schemaForm.clear', { field: props.label })}
      onClick={() => props.onChange(undefined)}
    />
  );
}

/** A group's title with the required marker fields have. */
export function RequiredLabel({ label, required }: { label: string; required: boolean }) {
  return (
    <>
      {label}
      {required && (
        <span className="pf-v6-c-form__label-required" aria-hidden="true">
          {'\u00a0*'}
        </span>
      )}
    </>
  );
}
