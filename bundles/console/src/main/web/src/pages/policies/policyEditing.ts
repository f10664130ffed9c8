import type { FieldError } from '../../api/client';
import type { EffectivePolicy, SettingOrigin } from '../../api/policies';
import type { AboveValue, InheritedField } from '../../components/schemaForm';

/** Settings as JSON: objects of objects and values. */
export type Settings = Record<string, unknown>;

function isObject(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of a setting path (`scan/schedule/interval`); `~1` stands for `/` and `~0` for `~` inside a key. */
export function keysOf(path: string): string[] {
  return path === '' ? [] : path.split('/').map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a setting path, or `undefined`. */
export function valueAt(settings: unknown, path: string): unknown {
  let node: unknown = settings;
  for (const key of keysOf(path)) {
    if (!isObject(node) || !Object.hasOwn(node, key)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

/** The settings with the value at `path` set (objects on the way created); the original is left alone. */
export function withValueAt(settings: Settings, path: string, value: unknown): Settings {
  const [key, ...rest] = keysOf(path);
  if (key === undefined) {
    return settings;
  }
  if (rest.length === 0) {
    return { ...settings, [key]: value };
  }
  const child = isObject(settings[key]) ? (settings[key] as Settings) : {};
  return { ...settings, [key]: withValueAt(child, rest.map(encodeKey).join('/'), value) };
}

/** The settings without the value at `path`; objects it leaves empty go too. */
export function withoutValueAt(settings: Settings, path: string): Settings {
  const [key, ...rest] = keysOf(path);
  if (key === undefined || !Object.hasOwn(settings, key)) {
    return settings;
  }
  const { [key]: current, ...others } = settings;
  if (rest.length === 0) {
    return others;
  }
  if (!isObject(current)) {
    return settings;
  }
  const child = withoutValueAt(current, rest.map(encodeKey).join('/'));
  return Object.keys(child).length === 0 ? others : { ...others, [key]: child };
}

function encodeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whether `path` is `lock` or lies below it (`scan` locks `scan/schedule/interval`). */
export function isWithin(path: string, lock: string): boolean {
  return path === lock || path.startsWith(`${lock}/`);
}

/** The paths locked above that cover `path`, if any. */
export function lockCovering(locks: readonly string[], path: string): string | undefined {
  return locks.find((lock) => isWithin(path, lock));
}

/** "policy Company of group Managed devices", or with the profile: "profile Laptops of policy …". */
export type OriginText = (origin: SettingOrigin) => string;

/** The origin of a locked path: its own value's, else that of the first value below it. */
function originAt(effective: EffectivePolicy, path: string): SettingOrigin | undefined {
  if (effective.origins[path]) {
    return effective.origins[path];
  }
  const below = Object.keys(effective.origins)
    .filter((leaf) => isWithin(leaf, path))
    .sort();
  return below.length > 0 ? effective.origins[below[0]!] : undefined;
}

/**
 * What a policy inherits, for the settings form: the paths locked above, read-only with where they come from, and
 * every other value in force above as a hint on fields the policy leaves unset.
 */
export function inheritanceOf(
  effective: EffectivePolicy | undefined,
  originText: OriginText,
  unknownOrigin: string,
): { locked: Record<string, InheritedField>; above: Record<string, AboveValue> } {
  const locked: Record<string, InheritedField> = {};
  const above: Record<string, AboveValue> = {};
  if (!effective) {
    return { locked, above };
  }
  for (const path of effective.lockedSettings) {
    const origin = originAt(effective, path);
    locked[path] = { origin: origin ? originText(origin) : unknownOrigin, locked: true };
  }
  for (const [path, origin] of Object.entries(effective.origins)) {
    if (!lockCovering(effective.lockedSettings, path)) {
      above[path] = { value: valueAt(effective.settings, path), origin: originText(origin) };
    }
  }
  return { locked, above };
}

/**
 * What the settings form shows: the policy's own settings, with the values locked above in their place (the form
 * shows them read-only).
 */
export function shownSettings(own: Settings, effective: EffectivePolicy | undefined): Settings {
  if (!effective) {
    return own;
  }
  let shown = own;
  for (const lock of effective.lockedSettings) {
    const value = valueAt(effective.settings, lock);
    shown = value === undefined ? withoutValueAt(shown, lock) : withValueAt(shown, lock, structuredClone(value));
  }
  return shown;
}

/**
 * The settings to save: the form's, without the values locked above. They cannot change there, and leaving them out
 * keeps the policy valid when the policy above changes its locked value.
 */
export function savedSettings(shown: Settings, effective: EffectivePolicy | undefined): Settings {
  if (!effective) {
    return shown;
  }
  return effective.lockedSettings.reduce((settings, lock) => withoutValueAt(settings, lock), shown);
}

/** The locked paths with `path` locked or unlocked, in a stable order. */
export function toggledLock(locked: readonly string[], path: string, lock: boolean): string[] {
  const others = locked.filter((candidate) => candidate !== path);
  return lock ? [...others, path].sort() : others;
}

/** The list with the entry at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) {
    return [...list];
  }
  const copy = [...list];
  const [entry] = copy.splice(from, 1);
  copy.splice(to, 0, entry as T);
  return copy;
}

/** The errors of one profile (`profiles/<index>/…`), with the paths below it (`settings/scan`, `rules/0/values`). */
export function profileErrors(errors: readonly FieldError[], index: number): FieldError[] {
  const prefix = `profiles/${index}/`;
  return errors.filter((error) => error.field.startsWith(prefix)).map((error) => ({ ...error, field: error.field.slice(prefix.length) }));
}

/** The errors of one field of the policy's own (`name`, `inheritFromParent`), joined. */
export function fieldMessage(errors: readonly FieldError[], field: string): string | undefined {
  const messages = errors.filter((error) => error.field === field).map((error) => error.message);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/** Errors no field of the editor shows: not about settings, profiles or the fields of the general form. */
export function otherErrors(errors: readonly FieldError[], shownFields: readonly string[]): FieldError[] {
  return errors.filter(
    (error) => !error.field.startsWith('settings') && !error.field.startsWith('profiles/') && !shownFields.includes(error.field),
  );
}

/** Every leaf value of the settings by path (objects are walked, anything else, arrays included, is a leaf). */
export function leavesOf(settings: unknown, path = ''): [string, unknown][] {
  if (!isObject(settings)) {
    return path === '' ? [] : [[path, settings]];
  }
  return Object.entries(settings).flatMap(([key, value]) => leavesOf(value, path === '' ? encodeKey(key) : `${path}/${encodeKey(key)}`));
}
