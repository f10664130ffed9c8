import type { FieldProps } from './FieldFrame';
import { useFormState } from './formState';
import { ChoiceListField, ObjectListField, ValueListField } from './ListFields';
import { ObjectField } from './ObjectFields';
import { BooleanField, ChoiceField, JsonField, NumberField, StringField } from './ScalarFields';
import { fieldKindOf } from './schema';

/** The field for one setting, chosen by its schema. */
export function SchemaField(props: FieldProps) {
  const { root } = useFormState();
  const kind = fieldKindOf(props.schema, root);
  switch (kind.kind) {
    case 'object':
      return <ObjectField {...props} />;
    case 'choice':
      return <ChoiceField {...props} choices={kind.choices} />;
    case 'string':
      return <StringField {...props} format={kind.format} />;
    case 'number':
      return <NumberField {...props} integer={kind.integer} />;
    case 'boolean':
      return <BooleanField {...props} />;
    case 'choice-list':
      return <ChoiceListField {...props} choices={kind.choices} />;
    case 'value-list':
      return <ValueListField {...props} itemType={kind.itemType} />;
    case 'object-list':
      return <ObjectListField {...props} items={kind.items} />;
    case 'json':
      return <JsonField {...props} />;
  }
}
