import type { Account } from './accounts';
import { ApiError, deleteRequest, getAll, getJson, postJson, putJson, segment } from './client';

/** What an account must do before it may use the console: change a generated password, accept the legal terms. */
export type PendingStep = 'CHANGE_PASSWORD' | 'ACCEPT_TERMS';

/** Answer of `POST` and `GET /api/v1/session`. */
export interface SessionInfo {
  csrfToken: string;
  account: Account;
  pendingSteps: PendingStep[];
  expiresAt: string;
}

export interface Credentials {
  login: string;
  password: string;
  /** A TOTP code or a recovery code, for accounts with a second factor. */
  totp?: string;
}

/** Where a permission holds: everywhere, or in the subtrees of these groups. */
export interface GroupScope {
  everywhere: boolean;
  roots: string[];
}

/** Answer of `GET /api/v1/me`: the account, what it may do where, and what it must do first. */
export interface Me {
  account: Account;
  permissions: Record<string, GroupScope>;
  pendingSteps: PendingStep[];
}

/** The signed-in account's console settings (`/me/settings`); the server keeps fields the console does not know. */
export interface UserSettings {
  language?: string | null;
  theme?: string | null;
  [other: string]: unknown;
}

export interface LegalTerms {
  version: string;
  title: string;
  text: string;
  publishedAt?: string;
  publishedBy?: string;
  /** When the signed-in account accepted this version, or null. */
  acceptedAt: string | null;
}

/** Who accepted which version of the legal terms, and when. */
export interface TermsAcceptance {
  accountId: string;
  login: string;
  version: string;
  acceptedAt: string;
}

export interface SecondFactorEnrolment {
  secret: string;
  otpauthUri: string;
}

export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the secret, to tell tokens apart. */
  prefix?: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt?: string | null;
  roleIds?: string[] | null;
  /** Expired tokens stay listed until revoked, so their owner sees what stopped working. */
  expired?: boolean;
}

export interface NewApiToken {
  name: string;
  expiresAt?: string;
  roleIds?: string[];
}

/** The answer to creating a token: the token and, this once, its secret. */
export interface CreatedApiToken extends ApiToken {
  secret: string;
}

/** Signs in; a wrong login or password, a missing second factor or a lockout is thrown as {@link ApiError}. */
export function signIn(credentials: Credentials): Promise<SessionInfo> {
  return postJson<SessionInfo>('/session', credentials, { handleAccessRefusal: true }).then(normaliseSession);
}

/** The current console session, or `undefined` when this browser has none. */
export async function currentSession(signal?: AbortSignal): Promise<SessionInfo | undefined> {
  try {
    return normaliseSession(await getJson<SessionInfo>('/session', { handleAccessRefusal: true, ...(signal ? { signal } : {}) }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return undefined;
    }
    throw error;
  }
}

export function signOut(): Promise<void> {
  return deleteRequest('/session', undefined, { handleAccessRefusal: true });
}

function normaliseSession(session: SessionInfo): SessionInfo {
  return { ...session, pendingSteps: session.pendingSteps ?? [] };
}

/** `GET /me`; accepts the account nested under `account` or as the answer's own fields. */
export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const answer = await getJson<Record<string, unknown>>('/me', signal ? { signal } : {});
  const nested = answer.account;
  const account = (typeof nested === 'object' && nested !== null ? nested : answer) as unknown as Account;
  return {
    account: { ...account, grants: account.grants ?? [] },
    permissions: (answer.permissions as Me['permissions'] | undefined) ?? {},
    pendingSteps: (answer.pendingSteps as PendingStep[] | undefined) ?? [],
  };
}

/** Whether the permission holds anywhere at all (on the whole server or in some subtree). */
export function holds(me: Me | undefined, permission: string): boolean {
  const scope = me?.permissions[permission];
  return scope !== undefined && (scope.everywhere || scope.roots.length > 0);
}

export function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  return putJson<void>('/me/password', { currentPassword, newPassword });
}

export function fetchSettings(signal?: AbortSignal): Promise<UserSettings> {
  return getJson<UserSettings>('/me/settings', signal ? { signal } : {});
}

export function saveSettings(settings: UserSettings): Promise<UserSettings | undefined> {
  return putJson<UserSettings | undefined>('/me/settings', settings);
}

export function beginSecondFactor(): Promise<SecondFactorEnrolment> {
  return postJson<SecondFactorEnrolment>('/me/second-factor');
}

export async function confirmSecondFactor(code: string): Promise<string[]> {
  const answer = await postJson<{ recoveryCodes: string[] }>('/me/second-factor/confirm', { code });
  return answer.recoveryCodes;
}

export function removeOwnSecondFactor(password: string): Promise<void> {
  return deleteRequest('/me/second-factor', { password });
}

export function fetchTerms(signal?: AbortSignal): Promise<LegalTerms> {
  return getJson<LegalTerms>('/terms', signal ? { signal } : {});
}

/** The current terms, or `null` when none have been published. */
export async function fetchCurrentTerms(signal?: AbortSignal): Promise<LegalTerms | null> {
  try {
    return await fetchTerms(signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export function publishTerms(terms: { version: string; title: string; text: string }): Promise<LegalTerms> {
  return putJson<LegalTerms>('/terms', terms);
}

export async function listTermsAcceptances(signal?: AbortSignal): Promise<TermsAcceptance[]> {
  return getAll<TermsAcceptance>('/terms/acceptances', signal ? { signal } : {});
}

export function acceptTerms(version: string): Promise<void> {
  return postJson<void>(`/terms/${segment(version)}/acceptance`);
}

export function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return getAll<ApiToken>('/tokens', signal ? { signal } : {});
}

/**
 * Creates a token. The answer carries the secret this once, as `secret` beside the token's fields or with the token
 * nested under `token`.
 */
export async function createToken(token: NewApiToken): Promise<CreatedApiToken> {
  const answer = await postJson<Record<string, unknown>>('/tokens', token);
  const nested = typeof answer.token === 'object' && answer.token !== null ? (answer.token as ApiToken) : undefined;
  const secret = [answer.secret, answer.token].find((value): value is string => typeof value === 'string') ?? '';
  return { ...((nested ?? answer) as unknown as ApiToken), secret };
}

export function revokeToken(id: string): Promise<void> {
  return deleteRequest(`/tokens/${segment(id)}`);
}
