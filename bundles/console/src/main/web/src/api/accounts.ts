import { deleteRequest, getAll, getJson, itemsOf, patchJson, postJson, putJson, segment } from './client';

/** A role granted on a group subtree. */
export interface RoleGrant {
  roleId: string;
  groupId: string;
}

/** An account as the API shows it (`/accounts`, `/me`, the session). */
export interface Account {
  id: string;
  login: string;
  fullName: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  enabled: boolean;
  mustChangePassword: boolean;
  secondFactor: boolean;
  lastSignIn: string | null;
  createdAt: string;
  grants: RoleGrant[];
}

export interface NewAccount {
  login: string;
  fullName: string | null;
  description: string | null;
  email: string | null;
  phone: string | null;
  password: string;
  mustChangePassword: boolean;
  grants: RoleGrant[];
}

/** A partial change: fields left out stay as they are. */
export interface AccountUpdate {
  login?: string;
  fullName?: string | null;
  description?: string | null;
  email?: string | null;
  phone?: string | null;
  enabled?: boolean;
  grants?: RoleGrant[];
}

export interface Role {
  id: string;
  name: string;
  description: string | null;
  builtIn: boolean;
  permissions: string[];
}

export interface RoleChange {
  name: string;
  description: string | null;
  permissions: string[];
}

/** A permission roles can hold; `groupScoped` ones hold only inside the subtree a role is granted on. */
export interface PermissionDefinition {
  id: string;
  area: string;
  description: string;
  groupScoped: boolean;
}

type Listing<T> = T[] | { items: T[] };

export function listAccounts(signal?: AbortSignal): Promise<Account[]> {
  return getAll<Account>('/accounts?limit=1000', signal ? { signal } : {});
}

export function createAccount(account: NewAccount): Promise<Account> {
  return postJson<Account>('/accounts', account);
}

export function updateAccount(id: string, update: AccountUpdate): Promise<Account> {
  return patchJson<Account>(`/accounts/${segment(id)}`, update);
}

export function deleteAccount(id: string): Promise<void> {
  return deleteRequest(`/accounts/${segment(id)}`);
}

export function resetPassword(id: string, newPassword: string, mustChange: boolean): Promise<void> {
  return postJson<void>(`/accounts/${segment(id)}/password-reset`, { newPassword, mustChange });
}

export function removeSecondFactorOf(id: string): Promise<void> {
  return deleteRequest(`/accounts/${segment(id)}/second-factor`);
}

export function listRoles(signal?: AbortSignal): Promise<Role[]> {
  return getAll<Role>('/roles', signal ? { signal } : {});
}

export function createRole(role: RoleChange): Promise<Role> {
  return postJson<Role>('/roles', role);
}

export function updateRole(id: string, role: RoleChange): Promise<Role> {
  return putJson<Role>(`/roles/${segment(id)}`, role);
}

export function deleteRole(id: string): Promise<void> {
  return deleteRequest(`/roles/${segment(id)}`);
}

export async function listPermissions(signal?: AbortSignal): Promise<PermissionDefinition[]> {
  return itemsOf(await getJson<Listing<PermissionDefinition>>('/permissions', signal ? { signal } : {}));
}
