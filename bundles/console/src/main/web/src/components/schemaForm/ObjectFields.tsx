import { FormFieldGroup, FormFieldGroupHeader } from '@patternfly/react-core';
import { FieldActions, FieldHelp, RequiredLabel, useField, type FieldProps } from './FieldFrame';
import { useFormState } from './formState';
import { SchemaField } from './SchemaField';
import { childPath, fieldKindOf, isObject, labelOf, resolve, type JsonObject, type JsonSchema } from './schema';

/**
 * The fields of an object's properties, in the schema's order. A change to one property yields the new object; a
 * property set to `undefined` is left out of it.
 */
export function ObjectFields({
  schema,
  path,
  value,
  onChange,
}: {
  schema: JsonSchema;
  path: string;
  value: unknown;
  onChange: (value: JsonObject) => void;
}) {
  const { root } = useFormState();
  const kind = fieldKindOf(schema, root);
  if (kind.kind !== 'object') {
    return null;
  }
  const object = isObject(value) ? value : {};
  const change = (name: string, next: unknown) => {
    const { [name]: _previous, ...others } = object;
    onChange(next === undefined ? others : { ...others, [name]: next });
  };
  return (
    <>
      {kind.properties.map(([name, raw]) => {
        const property = resolve(raw, root);
        return (
          <SchemaField
            key={name}
            path={childPath(path, name)}
            schema={property}
            label={labelOf(property, name)}
            required={kind.required.has(name)}
            value={object[name]}
            onChange={(next) => change(name, next)}
          />
        );
      })}
    </>
  );
}

/** A nested object: a titled group of its settings. */
export function ObjectField(props: FieldProps) {
  const field = useField(props.path, props.schema);
  const labelId = `${field.id}-label`;
  return (
    <FormFieldGroup
      aria-labelledby={labelId}
      header={
        <FormFieldGroupHeader
          titleText={{ text: <RequiredLabel label={props.label} required={props.required} />, id: labelId }}
          titleDescription={<FieldHelp schema={props.schema} value={props.value} field={field} />}
          actions={<FieldActions props={props} field={field} isGroup />}
        />
      }
    >
      <ObjectFields schema={props.schema} path={props.path} value={props.value} onChange={props.onChange} />
    </FormFieldGroup>
  );
}
