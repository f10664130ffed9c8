import type { Revision } from '../../api/history';
import { adminMe, signedInAsAdmin } from '../../testing/renderConsole';
import type { SessionState } from '../../session/SessionContext';

export const groupId = '3fd19b5d-86ef-4960-9d1f-b671ee927dc1';
export const rootId = '00000000-0000-0000-0000-000000000001';
export const alice = { kind: 'ACCOUNT', id: 'a1', name: 'alice' };

/** Revision `number` of the Berlin group, named `name`. */
export function groupRevision(number: number, name: string, changes: Revision['changes'], action = 'renamed'): Revision {
  return {
    id: `rev-${number}`,
    objectType: 'administration-group',
    objectId: groupId,
    number,
    at: `2026-11-26T1${number}:00:00Z`,
    actor: alice,
    action,
    snapshot: { id: groupId, parentId: rootId, name, deviceSettings: { inheritFromParent: true } },
    changes,
  };
}

/** The main administrator who may also restore (the default test account only reads the history). */
export const signedInAsRestorer: SessionState = {
  ...signedInAsAdmin,
  me: { ...adminMe, permissions: { ...adminMe.permissions, 'history.restore': { everywhere: true, roots: [] } } },
} as SessionState;
