import { createContext, useContext } from 'react';
import type { JsonSchema } from './schema';

/**
 * Locks of a policy: which settings this policy locks (child policies and devices cannot change them), which ones may
 * be locked at all, and who hears a toggle.
 */
export interface FieldLocks {
  /** Paths of the locked settings, e.g. `scan/schedule/interval`. */
  locked: readonly string[];
  /** Paths that get a lock toggle; by default every setting that is not a group of settings. */
  lockable?: readonly string[];
  onChange: (path: string, locked: boolean) => void;
}

/** A setting the form shows but may not change: set (and perhaps locked) by a parent policy. */
export interface InheritedField {
  /** Where the value comes from, in words, e.g. "policy Office of group Berlin". */
  origin: string;
  /** Locked there: nobody below may change it. */
  locked?: boolean;
}

/** A value in force above the form's own (set by a parent policy, or by the policy a profile belongs to). */
export interface AboveValue {
  value: unknown;
  /** Where it comes from, in words, e.g. "policy Company of group Managed devices". */
  origin: string;
}

export interface FormState {
  root: JsonSchema;
  idPrefix: string;
  /** Server errors placed on the fields shown (see `placeErrors`). */
  errors: ReadonlyMap<string, string[]>;
  readOnly: boolean;
  locks: FieldLocks | undefined;
  inherited: Readonly<Record<string, InheritedField>>;
  /** Values in force above, by leaf path: shown as a hint on fields without a value of their own. */
  above: Readonly<Record<string, AboveValue>>;
  /** Fields with a value get a button that removes it (the value above, or none, applies again). */
  clearable: boolean;
}

export const FormStateContext = createContext<FormState | undefined>(undefined);

export function useFormState(): FormState {
  const state = useContext(FormStateContext);
  if (!state) {
    throw new Error('schema form field outside <SchemaForm>');
  }
  return state;
}

/** An element id for a setting's path, unique within the form. */
export function fieldIdOf(idPrefix: string, path: string): string {
  return `${idPrefix}-${path === '' ? 'root' : path.split('/').map((part) => part.replace(/[^A-Za-z0-9-]/g, '_')).join('__')}`;
}

/** The inherited entry of the path or of the nearest enclosing path, with the path it was found at. */
export function inheritedAt(
  inherited: Readonly<Record<string, InheritedField>>,
  path: string,
): { path: string; field: InheritedField } | undefined {
  let current = path;
  for (;;) {
    const field = Object.hasOwn(inherited, current) ? inherited[current] : undefined;
    if (field) {
      return { path: current, field };
    }
    if (current === '') {
      return undefined;
    }
    current = current.includes('/') ? current.slice(0, current.lastIndexOf('/')) : '';
  }
}
