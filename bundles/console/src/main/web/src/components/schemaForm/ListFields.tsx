import {
  Button,
  Checkbox,
  FormFieldGroup,
  FormFieldGroupHeader,
  Label,
  LabelGroup,
  Split,
  SplitItem,
  TextInput,
} from '@patternfly/react-core';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { controlProps, FieldActions, FieldFrame, FieldHelp, RequiredLabel, useField, type FieldProps } from './FieldFrame';
import { useFormState } from './formState';
import { ObjectFields } from './ObjectFields';
import { childPath, resolve, withDefaults, type Choice, type JsonObject, type JsonSchema } from './schema';

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Whether one more entry fits (`maxItems`). */
function mayAdd(schema: JsonSchema, count: number): boolean {
  return typeof schema.maxItems !== 'number' || count < schema.maxItems;
}

/** Whether an entry may go (`minItems`). */
function mayRemove(schema: JsonSchema, count: number): boolean {
  return typeof schema.minItems !== 'number' || count > schema.minItems;
}

/** A list of texts or numbers as removable chips, with an input that adds one (Enter or the add button). */
export function ValueListField(props: FieldProps & { itemType: 'string' | 'number' | 'integer' }) {
  const { t } = useTranslation();
  const field = useField(props.path, props.schema);
  const values = listOf(props.value);
  const [entry, setEntry] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const full = !mayAdd(props.schema, values.length);

  const add = () => {
    const text = entry.trim();
    if (text === '') {
      return;
    }
    let value: string | number = text;
    if (props.itemType !== 'string') {
      const number = Number(text);
      if (!Number.isFinite(number) || (props.itemType === 'integer' && !Number.isInteger(number))) {
        setLocalError(t(props.itemType === 'integer' ? 'schemaForm.notAnInteger' : 'schemaForm.notANumber'));
        return;
      }
      value = number;
    }
    if (props.schema.uniqueItems && values.includes(value)) {
      setLocalError(t('schemaForm.duplicate', { value: text }));
      return;
    }
    setLocalError(undefined);
    setEntry('');
    props.onChange([...values, value]);
  };
  const remove = (index: number) => {
    const next = values.filter((_value, position) => position !== index);
    props.onChange(next);
  };

  return (
    <FieldFrame props={props} field={field} localError={localError} group>
      {values.length > 0 && (
        <LabelGroup numLabels={20} className="garrison-schema-chips" aria-label={props.label}>
          {values.map((value, index) => (
            <Label
              key={`${index}-${String(value)}`}
              variant="outline"
              {...(field.disabled || !mayRemove(props.schema, values.length)
                ? {}
                : { onClose: () => remove(index), closeBtnAriaLabel: t('schemaForm.removeValue', { value: String(value) }) })}
            >
              {String(value)}
            </Label>
          ))}
        </LabelGroup>
      )}
      {!field.disabled && (
        <Split hasGutter className="garrison-schema-chip-entry">
          <SplitItem isFilled>
            <TextInput
              id={field.id}
              aria-label={t('schemaForm.newValue', { field: props.label })}
              value={entry}
              {...(props.itemType === 'string' ? {} : { inputMode: props.itemType === 'integer' ? ('numeric' as const) : ('decimal' as const) })}
              isDisabled={full}
              {...controlProps(field, localError)}
              onChange={(_event, text) => setEntry(text)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  // Enter adds the entry instead of submitting the form around it.
                  event.preventDefault();
                  add();
                }
              }}
            />
          </SplitItem>
          <SplitItem>
            <Button variant="secondary" onClick={add} isDisabled={full || entry.trim() === ''}>
              {t('schemaForm.add')}
            </Button>
          </SplitItem>
        </Split>
      )}
    </FieldFrame>
  );
}

/** A list of choices as a group of checkboxes, in the schema's order. */
export function ChoiceListField(props: FieldProps & { choices: Choice[] }) {
  const field = useField(props.path, props.schema);
  const values = listOf(props.value);
  const toggle = (choice: Choice, checked: boolean) => {
    const chosen = props.choices.filter((candidate) =>
      candidate === choice ? checked : values.some((value) => Object.is(value, candidate.value)),
    );
    props.onChange(chosen.map((candidate) => candidate.value));
  };
  return (
    <FieldFrame props={props} field={field} group>
      {props.choices.map((choice, index) => {
        const checked = values.some((value) => Object.is(value, choice.value));
        const full = !checked && !mayAdd(props.schema, values.length);
        return (
          <Checkbox
            key={index}
            id={`${field.id}-${index}`}
            label={choice.label}
            isChecked={checked}
            isDisabled={field.disabled || full}
            aria-describedby={field.helpId}
            onChange={(_event, on) => toggle(choice, on)}
          />
        );
      })}
    </FieldFrame>
  );
}

/** A list of objects: one sub-form per entry, each removable, and a button that adds a new entry with defaults. */
export function ObjectListField(props: FieldProps & { items: JsonSchema }) {
  const { t } = useTranslation();
  const { root } = useFormState();
  const field = useField(props.path, props.schema);
  const items = listOf(props.value);
  const itemSchema = resolve(props.items, root);
  const itemName = itemSchema.title ?? t('schemaForm.entry');
  const change = (index: number, next: unknown) => props.onChange(items.map((item, position) => (position === index ? next : item)));
  const labelId = `${field.id}-label`;

  return (
    <FormFieldGroup
      aria-labelledby={labelId}
      header={
        <FormFieldGroupHeader
          titleText={{ text: <RequiredLabel label={props.label} required={props.required} />, id: labelId }}
          titleDescription={<FieldHelp schema={props.schema} value={props.value} field={field} />}
          actions={<FieldActions props={props} field={field} />}
        />
      }
    >
      {items.map((item, index) => {
        const path = childPath(props.path, index);
        const title = t('schemaForm.item', { item: itemName, number: index + 1 });
        return (
          <FormFieldGroup
            key={index}
            aria-labelledby={`${field.id}-${index}-title`}
            header={
              <FormFieldGroupHeader
                titleText={{ text: title, id: `${field.id}-${index}-title` }}
                actions={
                  !field.disabled && (
                    <Button
                      variant="link"
                      isDanger
                      aria-label={t('schemaForm.removeValue', { value: title })}
                      isDisabled={!mayRemove(props.schema, items.length)}
                      onClick={() => props.onChange(items.filter((_item, position) => position !== index))}
                    >
                      {t('schemaForm.remove')}
                    </Button>
                  )
                }
              />
            }
          >
            <ObjectFields schema={itemSchema} path={path} value={item} onChange={(next) => change(index, next)} />
          </FormFieldGroup>
        );
      })}
      {!field.disabled && (
        <div>
          <Button
            variant="link"
            icon={<PlusCircleIcon />}
            isDisabled={!mayAdd(props.schema, items.length)}
            onClick={() => props.onChange([...items, withDefaults(itemSchema, {}, root) as JsonObject])}
          >
            {t('schemaForm.addItem', { item: itemName })}
          </Button>
        </div>
      )}
    </FormFieldGroup>
  );
}
