import { Alert, Content, Form, List, ListItem } from '@patternfly/react-core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client';
import { FormStateContext, type AboveValue, type FieldLocks, type FormState, type InheritedField } from './formState';
import { ObjectFields } from './ObjectFields';
import { SchemaField } from './SchemaField';
import { fieldKindOf, fieldPathsOf, labelOf, placeErrors, resolve, type JsonObject, type JsonSchema } from './schema';
import './schemaForm.css';

export interface SchemaFormProps {
  /** The JSON Schema (2020-12) of the value, normally an object of settings. */
  schema: JsonSchema;
  value: JsonObject;
  /** Every change yields the whole new value; a cleared setting is left out of it. */
  onChange: (value: JsonObject) => void;
  /** The form element's id (a submit button elsewhere names it in `form`); generated when not given. */
  id?: string;
  onSubmit?: () => void;
  /** The server's field errors (`errors` of a 422 problem); paths like `scan/schedule/interval`. */
  errors?: readonly FieldError[];
  /** The path of the value within the request the errors answer, e.g. `settings`; other errors are left out. */
  errorPrefix?: string;
  /** Shows the values without letting them change. */
  readOnly?: boolean;
  /** Lock toggles per setting (policies). */
  locks?: FieldLocks;
  /** Settings set by a parent policy, by path: shown read-only with where they come from. */
  inherited?: Readonly<Record<string, InheritedField>>;
  /**
   * Values in force above this form's own, by leaf path (a parent policy's for a policy, the policy's for a profile):
   * a field without a value of its own says which value applies and where it comes from.
   */
  above?: Readonly<Record<string, AboveValue>>;
  /**
   * Every field with a value gets a "clear" button that removes it, so that the value above applies again (or, for a
   * profile, the setting is no longer overridden); a switch, for one, cannot be emptied otherwise.
   */
  clearable?: boolean;
  'aria-label'?: string;
}

const noInherited: Readonly<Record<string, InheritedField>> = {};
const noAbove: Readonly<Record<string, AboveValue>> = {};

/**
 * A form for a JSON value, rendered from its JSON Schema: nested objects as groups, strings (choices as a select,
 * date-time, date, time, email), numbers with their range, booleans as switches, lists of texts as chips, lists of
 * choices as checkboxes, lists of objects as repeatable groups, anything else as JSON text. It is controlled (value
 * in, changes out), places the server's field errors on their fields, and can show lock toggles and settings
 * inherited from a parent read-only. It validates nothing itself beyond what cannot be typed: the server checks the
 * value against the same schema.
 */
export function SchemaForm({
  schema,
  value,
  onChange,
  id,
  onSubmit,
  errors = [],
  errorPrefix = '',
  readOnly = false,
  locks,
  inherited = noInherited,
  above = noAbove,
  clearable = false,
  'aria-label': ariaLabel,
}: SchemaFormProps) {
  const { t } = useTranslation();
  const generated = useId();
  const formId = id ?? `schema-form-${generated.replace(/[^A-Za-z0-9-]/g, '')}`;
  const root = useMemo(() => resolve(schema, schema), [schema]);
  const placed = useMemo(() => placeErrors(errors, fieldPathsOf(schema, value), errorPrefix), [errors, schema, value, errorPrefix]);
  const state: FormState = useMemo(
    () => ({ root: schema, idPrefix: formId, errors: placed, readOnly, locks, inherited, above, clearable }),
    [schema, formId, placed, readOnly, locks, inherited, above, clearable],
  );
  const general = placed.get('') ?? [];
  const kind = fieldKindOf(root, schema);

  return (
    <FormStateContext.Provider value={state}>
      <Form
        id={formId}
        noValidate
        aria-label={ariaLabel}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit?.();
        }}
      >
        {general.length > 0 && (
          <Alert variant="danger" isInline isLiveRegion title={t('schemaForm.problems')}>
            <List>
              {general.map((message, index) => (
                <ListItem key={index}>{message}</ListItem>
              ))}
            </List>
          </Alert>
        )}
        {kind.kind === 'object' ? (
          kind.properties.length > 0 ? (
            <ObjectFields schema={root} path="" value={value} onChange={onChange} />
          ) : (
            <Content component="p">{t('schemaForm.noSettings')}</Content>
          )
        ) : (
          <SchemaField
            path=""
            schema={root}
            label={labelOf(root, t('schemaForm.value'))}
            required
            value={value}
            onChange={(next) => onChange(next as JsonObject)}
          />
        )}
      </Form>
    </FormStateContext.Provider>
  );
}
