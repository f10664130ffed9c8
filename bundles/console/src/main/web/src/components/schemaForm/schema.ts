/**
 * The subset of JSON Schema (draft 2020-12) the console renders as forms: what plugin settings and task parameters
 * use. Anything else is still editable, as JSON text.
 */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  readOnly?: boolean;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  [keyword: string]: unknown;
}

/** A setting's value as JSON: what the form reads and writes. */
export type JsonObject = Record<string, unknown>;

/** One choice of an enumerated setting: its value and what the admin reads. */
export interface Choice {
  value: string | number | boolean | null;
  label: string;
}

/** How the form shows a setting. */
export type FieldKind =
  | { kind: 'object'; properties: [string, JsonSchema][]; required: ReadonlySet<string> }
  | { kind: 'choice'; choices: Choice[] }
  | { kind: 'string'; format: string | undefined }
  | { kind: 'number'; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'choice-list'; choices: Choice[] }
  | { kind: 'value-list'; itemType: 'string' | 'number' | 'integer' }
  | { kind: 'object-list'; items: JsonSchema }
  | { kind: 'json' };

const maxReferenceDepth = 32;

/**
 * The schema with local references (`#/$defs/...`, `#/definitions/...`) followed; keywords beside a `$ref` (a
 * title, a default) win over the referenced schema's, as in 2020-12. A reference that cannot be followed (another
 * document, a loop) leaves the schema as it is.
 */
export function resolve(schema: JsonSchema | boolean | undefined, root: JsonSchema): JsonSchema {
  let current: JsonSchema = typeof schema === 'object' && schema !== null ? schema : {};
  for (let depth = 0; typeof current.$ref === 'string' && depth < maxReferenceDepth; depth++) {
    const target = pointerTarget(root, current.$ref);
    if (!target) {
      return current;
    }
    const { $ref: _followed, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}

function pointerTarget(root: JsonSchema, reference: string): JsonSchema | undefined {
  if (reference === '#') {
    return root;
  }
  if (!reference.startsWith('#/')) {
    return undefined;
  }
  let node: unknown = root;
  for (const raw of reference.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? (node as JsonSchema) : undefined;
}

/** The schema's type, leaving out `null` from a list such as `["string", "null"]`. */
export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== 'null');
    return types.length === 1 ? types[0] : undefined;
  }
  if (schema.type !== undefined) {
    return schema.type;
  }
  if (schema.properties) {
    return 'object';
  }
  return schema.items ? 'array' : undefined;
}

/** The choices of an `enum`, or of a `oneOf`/`anyOf` of `const`s with titles (the way schemas label choices). */
export function choicesOf(schema: JsonSchema): Choice[] | undefined {
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every(isScalar)) {
    return schema.enum.map((value) => ({ value, label: value === null ? '—' : String(value) }));
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0 && alternatives.every((option) => isScalar(option?.const))) {
    return alternatives.map((option) => ({
      value: option.const as Choice['value'],
      label: typeof option.title === 'string' && option.title ? option.title : String(option.const),
    }));
  }
  return undefined;
}

function isScalar(value: unknown): value is Choice['value'] {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** How to show a (resolved) schema. */
export function fieldKindOf(schema: JsonSchema, root: JsonSchema): FieldKind {
  const choices = choicesOf(schema);
  if (choices) {
    return { kind: 'choice', choices };
  }
  switch (typeOf(schema)) {
    case 'object':
      if (schema.properties && typeof schema.properties === 'object') {
        return { kind: 'object', properties: Object.entries(schema.properties), required: new Set(schema.required ?? []) };
      }
      return { kind: 'json' };
    case 'string':
      return { kind: 'string', format: typeof schema.format === 'string' ? schema.format : undefined };
    case 'integer':
      return { kind: 'number', integer: true };
    case 'number':
      return { kind: 'number', integer: false };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return arrayKindOf(resolve(schema.items, root), root);
    default:
      return { kind: 'json' };
  }
}

function arrayKindOf(items: JsonSchema, root: JsonSchema): FieldKind {
  const choices = choicesOf(items);
  if (choices) {
    return { kind: 'choice-list', choices };
  }
  const itemType = typeOf(items);
  if (itemType === 'string' || itemType === 'number' || itemType === 'integer') {
    return { kind: 'value-list', itemType };
  }
  if (fieldKindOf(items, root).kind === 'object') {
    return { kind: 'object-list', items };
  }
  return { kind: 'json' };
}

/** A setting's label: its title, else its property name in words ("realTimeProtection" → "Real time protection"). */
export function labelOf(schema: JsonSchema, name: string): string {
  if (typeof schema.title === 'string' && schema.title.trim()) {
    return schema.title;
  }
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** The path of a setting below its parent's: `scan/schedule/interval`, array items by index (`exclusions/0`). */
export function childPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}/${key}`;
}

/**
 * The value with the schema's defaults filled in where a value is missing, for a new policy or task: properties
 * with a `default`, and nested objects that get defaults this way. Values present are kept as they are.
 */
export function withDefaults(schema: JsonSchema, value: JsonObject = {}, root: JsonSchema = schema): JsonObject {
  const kind = fieldKindOf(resolve(schema, root), root);
  if (kind.kind !== 'object') {
    return value;
  }
  const result: JsonObject = { ...value };
  for (const [name, raw] of kind.properties) {
    const property = resolve(raw, root);
    if (result[name] === undefined && property.default !== undefined) {
      result[name] = structuredClone(property.default);
    }
    const current = result[name];
    if (fieldKindOf(property, root).kind === 'object' && (current === undefined || isObject(current))) {
      const nested = withDefaults(property, (current as JsonObject | undefined) ?? {}, root);
      if (current !== undefined || Object.keys(nested).length > 0) {
        result[name] = nested;
      }
    }
  }
  return result;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every path the form shows a field for, given the schema and the current value (an object list shows the fields
 * of each of its items). Field errors from the server are placed on these.
 */
export function fieldPathsOf(schema: JsonSchema, value: unknown, root: JsonSchema = schema, path = ''): string[] {
  const kind = fieldKindOf(resolve(schema, root), root);
  const own = path === '' ? [] : [path];
  if (kind.kind === 'object') {
    const object = isObject(value) ? value : {};
    return [...own, ...kind.properties.flatMap(([name, property]) => fieldPathsOf(property, object[name], root, childPath(path, name)))];
  }
  if (kind.kind === 'object-list' && Array.isArray(value)) {
    return [...own, ...value.flatMap((item, index) => fieldPathsOf(kind.items, item, root, childPath(path, index)))];
  }
  return own;
}

/**
 * Places server field errors (`scan/schedule/interval: must be at least 5`) on the fields shown: on the field of the
 * same path, else on the nearest enclosing field, naming the rest of the path (`2: must be unique` on a list). Errors
 * that fit no field are placed at `''`, the form as a whole.
 */
export function placeErrors(
  errors: readonly { field: string; message: string }[],
  paths: readonly string[],
  prefix = '',
): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  const shown = new Set(paths);
  const add = (path: string, message: string) => placed.set(path, [...(placed.get(path) ?? []), message]);
  for (const error of errors) {
    const field = normaliseErrorPath(error.field);
    const own = prefix === '' ? field : field === prefix ? '' : field.startsWith(`${prefix}/`) ? field.slice(prefix.length + 1) : undefined;
    if (own === undefined) {
      continue;
    }
    let target = own;
    while (target !== '' && !shown.has(target)) {
      target = target.includes('/') ? target.slice(0, target.lastIndexOf('/')) : '';
    }
    add(target, target === own ? error.message : `${own.slice(target === '' ? 0 : target.length + 1)}: ${error.message}`);
  }
  return placed;
}

/** Accepts `a/b`, `/a/b` (JSON Pointer) and `$.a.b` styles alike. */
function normaliseErrorPath(field: string): string {
  if (field.startsWith('$')) {
    return field
      .slice(1)
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter(Boolean)
      .join('/');
  }
  return field.replace(/^\/+/, '');
}
