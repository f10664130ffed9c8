export { SchemaForm, type SchemaFormProps } from './SchemaForm';
export type { AboveValue, FieldLocks, InheritedField } from './formState';
export { withDefaults, type JsonObject, type JsonSchema } from './schema';
