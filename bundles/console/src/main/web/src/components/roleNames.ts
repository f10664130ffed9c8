import type { TFunction } from 'i18next';
import type { Role } from '../api/accounts';

/** The built-in roles (ids fixed by the server), named in the console's language. */
const builtInRoleKeys = {
  '00000000-0000-0000-0000-00000000a001': 'roles.builtIn.mainAdministrator',
  '00000000-0000-0000-0000-00000000a002': 'roles.builtIn.administrator',
  '00000000-0000-0000-0000-00000000a003': 'roles.builtIn.operator',
  '00000000-0000-0000-0000-00000000a004': 'roles.builtIn.auditor',
} as const;

/** A role's name for people: the translated name of a built-in role, else the name it was given, else its id. */
export function roleName(roleId: string, roles: readonly Role[] | undefined, t: TFunction): string {
  if (Object.hasOwn(builtInRoleKeys, roleId)) {
    return t(builtInRoleKeys[roleId as keyof typeof builtInRoleKeys]);
  }
  return roles?.find((role) => role.id === roleId)?.name ?? roleId;
}
