import type { PatchOperation } from '../../api/history';

/** One changed value, as the diff view shows it: where, and what it was before and after. */
export interface DiffRow {
  /** The RFC 6901 pointer of the value. */
  pointer: string;
  /** The same place as an admin reads it: `deviceSettings.statusConditions[0].severity`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** The previous revision could not be read, so the old value is not known. */
  beforeUnknown?: boolean;
}

/** The reference tokens of an RFC 6901 pointer, unescaped (`~1` is `/`, `~0` is `~`). */
export function tokensOf(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function pointerOf(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A pointer as a readable path: members joined by dots, array indices in brackets. */
export function readablePath(tokens: readonly string[], arrays: readonly boolean[]): string {
  if (tokens.length === 0) {
    return '(root)';
  }
  return tokens.reduce((path, token, index) => {
    if (arrays[index]) {
      return `${path}[${token}]`;
    }
    const name = /^[A-Za-z_$][\w$-]*$/.test(token) ? token : JSON.stringify(token);
    return path === '' ? name : `${path}.${name}`;
  }, '');
}

/** The value a pointer names in a document, if it names one. */
export function valueAt(document: unknown, pointer: string): { found: boolean; value?: unknown } {
  let node: unknown = document;
  for (const token of tokensOf(pointer)) {
    if (Array.isArray(node)) {
      const index = Number(token);
      if (!/^\d+$/.test(token) || index >= node.length) {
        return { found: false };
      }
      node = node[index];
    } else if (isRecord(node) && Object.hasOwn(node, token)) {
      node = node[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: node };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** Which tokens of a pointer index into an array of `document` (or of `other`, where `document` lacks the place). */
function arrayTokens(tokens: readonly string[], document: unknown, other: unknown): boolean[] {
  let a: unknown = document;
  let b: unknown = other;
  return tokens.map((token) => {
    const isArray = Array.isArray(a) || (a === undefined && Array.isArray(b));
    a = isContainer(a) ? (a as Record<string, unknown>)[token] : undefined;
    b = isContainer(b) ? (b as Record<string, unknown>)[token] : undefined;
    return isArray;
  });
}

/**
 * Leaf by leaf, what differs between `before` and `after` at `tokens`: nested objects and arrays are walked, so a
 * changed member deep inside shows as its own row instead of the whole structure twice.
 */
function leaves(tokens: string[], before: { found: boolean; value?: unknown }, after: { found: boolean; value?: unknown }): { tokens: string[]; before: typeof before; after: typeof after }[] {
  const walkable = (side: typeof before) => !side.found || isContainer(side.value);
  const bothSameShape =
    !(before.found && after.found) || Array.isArray(before.value) === Array.isArray(after.value);
  if (walkable(before) && walkable(after) && (before.found || after.found) && bothSameShape) {
    const b = before.value as Record<string, unknown> | undefined;
    const a = after.value as Record<string, unknown> | undefined;
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    if (keys.length > 0) {
      return keys.flatMap((key) =>
        leaves(
          [...tokens, key],
          b !== undefined && Object.hasOwn(b, key) ? { found: true, value: b[key] } : { found: false },
          a !== undefined && Object.hasOwn(a, key) ? { found: true, value: a[key] } : { found: false },
        ),
      );
    }
  }
  if (before.found && after.found && JSON.stringify(before.value) === JSON.stringify(after.value)) {
    return [];
  }
  return [{ tokens, before, after }];
}

/** The operation's own word for a row when the old value is not known. */
const kindOfOp = { add: 'added', remove: 'removed', replace: 'changed' } as const;

/**
 * The rows of a revision's diff: every value the patch changed, with its value in the previous revision's snapshot
 * (`previous`: `undefined` for the first revision, which only adds; `unknown` when that snapshot could not be read)
 * and its value after the change.
 */
export function diffRows(changes: readonly PatchOperation[], previous: unknown, previousKnown = true): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const change of changes) {
    const tokens = tokensOf(change.path);
    if (!previousKnown) {
      rows.push({
        pointer: change.path,
        path: readablePath(tokens, arrayTokens(tokens, wrap(tokens, change.value), undefined)),
        kind: kindOfOp[change.op],
        beforeUnknown: true,
        ...(change.op === 'remove' ? {} : { after: change.value }),
      });
      continue;
    }
    const before = previous === undefined ? { found: false } : valueAt(previous, change.path);
    const after = change.op === 'remove' ? { found: false } : { found: true, value: change.value };
    for (const leaf of leaves(tokens, before, after)) {
      const arrays = arrayTokens(leaf.tokens, previous, change.op === 'remove' ? undefined : wrap(tokens, change.value));
      rows.push({
        pointer: pointerOf(leaf.tokens),
        path: readablePath(leaf.tokens, arrays),
        kind: !leaf.before.found ? 'added' : !leaf.after.found ? 'removed' : 'changed',
        ...(leaf.before.found ? { before: leaf.before.value } : {}),
        ...(leaf.after.found ? { after: leaf.after.value } : {}),
      });
    }
  }
  return rows;
}

/** `value` placed at `tokens` in an otherwise empty document, to tell arrays from objects along the new value. */
function wrap(tokens: readonly string[], value: unknown): unknown {
  return tokens.reduceRight<unknown>((inner, token) => ({ [token]: inner }), value);
}

/** A value as the diff shows it: text as it is, `""` for empty text, anything else as compact JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    return value === '' ? '""' : value;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * What a revision changed, in one line for a table: its top-level members, leaving out the modification time that
 * every change carries; after three, `more` words the rest.
 */
export function changedSummary(changes: readonly PatchOperation[], more: (paths: string, count: number) => string): string {
  const members = [...new Set(changes.map((change) => tokensOf(change.path)[0] ?? '').filter((member) => member !== '' && member !== 'modifiedAt'))];
  if (members.length <= 3) {
    return members.join(', ');
  }
  return more(members.slice(0, 3).join(', '), members.length - 3);
}
