import { deleteRequest, getJson, postJson, putJson, segment } from './client';
import type { Actor } from './history';
import type { JsonSchemaDocument } from './plugins';

/** `ACTIVE` applies to the group's devices, `OUT_OF_OFFICE` to those outside the network, `INACTIVE` to nothing. */
export const policyStates = ['ACTIVE', 'OUT_OF_OFFICE', 'INACTIVE'] as const;

export type PolicyState = (typeof policyStates)[number];

/** What a profile rule looks at (the server's `ProfileRuleAttribute`). */
export const ruleAttributes = ['TAG', 'NETWORK', 'OFFLINE', 'OWNER', 'HARDWARE', 'OS_TYPE', 'OS_NAME', 'GROUP'] as const;

export type RuleAttribute = (typeof ruleAttributes)[number];

/** The fixed values some attributes take; the others take free text (or group ids). */
export const ruleChoices: Partial<Record<RuleAttribute, readonly string[]>> = {
  NETWORK: ['INSIDE', 'OUTSIDE'],
  OFFLINE: ['true', 'false'],
  OS_TYPE: ['WINDOWS', 'LINUX', 'MACOS', 'ANDROID', 'IOS', 'OTHER'],
};

/** Attributes that take exactly one value. */
export const singleValueAttributes: ReadonlySet<RuleAttribute> = new Set(['NETWORK', 'OFFLINE']);

export interface ProfileRule {
  attribute: RuleAttribute;
  values: string[];
}

export interface PolicyProfile {
  /** Absent for a profile not saved yet. */
  id?: string;
  name: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  lockedSettings: string[];
  rules: ProfileRule[];
}

export interface SettingProblem {
  field: string;
  message: string;
}

export interface Policy {
  id: string;
  application: string;
  groupId: string;
  name: string;
  description?: string | null;
  state: PolicyState;
  inheritFromParent: boolean;
  forceInheritance: boolean;
  settings: Record<string, unknown>;
  lockedSettings: string[];
  profiles: PolicyProfile[];
  revision: number;
  createdAt: string;
  createdBy?: Actor | null;
  updatedAt: string;
  updatedBy?: Actor | null;
  /** What no longer matches the plugin's settings schema after an upgrade; empty when valid. */
  problems: SettingProblem[];
  checkedAgainst?: string | null;
}

/** What `POST /policies` and `PUT /policies/{id}` take. */
export interface PolicyDraft {
  application?: string;
  groupId?: string;
  name: string;
  description?: string | null;
  state: PolicyState;
  inheritFromParent: boolean;
  forceInheritance: boolean;
  settings: Record<string, unknown>;
  lockedSettings: string[];
  profiles: PolicyProfile[];
  expectedRevision?: number;
}

export interface PolicyFilter {
  application?: string;
  group?: string;
  /** With `group`: also the policies of every group below it. */
  subtree?: boolean;
  state?: PolicyState;
  /** `true`: only policies with problems. */
  invalid?: boolean;
}

export interface PolicyPage {
  items: Policy[];
  nextCursor: string | null;
  total?: number;
}

/** Where a value of an effective policy comes from. */
export interface SettingOrigin {
  policyId: string;
  policyName: string;
  groupId: string;
  profile?: string | null;
}

export interface EffectivePolicy {
  deviceId?: string;
  groupId: string;
  application: string;
  outOfOffice: boolean;
  policies: string[];
  appliedProfiles?: { policyId: string; policyName: string; groupId: string; profile: string }[];
  settings: Record<string, unknown>;
  /** By leaf path (`scan/schedule/interval`). */
  origins: Record<string, SettingOrigin>;
  lockedSettings: string[];
  hash?: string;
}

/**
 * An application whose settings policies hold: an active plugin with a settings schema. The console frame loads them
 * with the plugins' contributions (see `usePolicyApplications`), for every admin.
 */
export interface PolicyApplication {
  id: string;
  name: string;
  version?: string | null;
  settingsSchema: JsonSchemaDocument;
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export function policyQuery(filter: PolicyFilter, cursor: string | null = null, limit = 50): string {
  const query = new URLSearchParams();
  if (filter.application) query.set('application', filter.application);
  if (filter.group) query.set('group', filter.group);
  if (filter.group && filter.subtree) query.set('subtree', 'true');
  if (filter.state) query.set('state', filter.state);
  if (filter.invalid !== undefined) query.set('invalid', String(filter.invalid));
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

export async function listPolicies(filter: PolicyFilter, cursor: string | null = null, signal?: AbortSignal, limit = 50): Promise<PolicyPage> {
  const page = await getJson<PolicyPage>(`/policies?${policyQuery(filter, cursor, limit)}`, withSignal(signal));
  return { items: page.items.map(normalisePolicy), nextCursor: page.nextCursor ?? null, ...(page.total !== undefined ? { total: page.total } : {}) };
}

export async function getPolicy(id: string, signal?: AbortSignal): Promise<Policy> {
  return normalisePolicy(await getJson<Policy>(`/policies/${segment(id)}`, withSignal(signal)));
}

export async function createPolicy(draft: PolicyDraft): Promise<Policy> {
  return normalisePolicy(await postJson<Policy>('/policies', draft));
}

/** Replaces the policy's content; with `expectedRevision` in the draft, a change by someone else answers 409. */
export async function updatePolicy(id: string, draft: PolicyDraft): Promise<Policy> {
  return normalisePolicy(await putJson<Policy>(`/policies/${segment(id)}`, draft));
}

/** Deletes it to the registry of deleted objects, from where it can be restored. */
export function deletePolicy(id: string): Promise<void> {
  return deleteRequest(`/policies/${segment(id)}`);
}

export async function activatePolicy(id: string): Promise<Policy> {
  return normalisePolicy(await postJson<Policy>(`/policies/${segment(id)}/activate`));
}

export async function deactivatePolicy(id: string): Promise<Policy> {
  return normalisePolicy(await postJson<Policy>(`/policies/${segment(id)}/deactivate`));
}

/** The policy, unchanged otherwise, as the group's out-of-office one (there is no endpoint of its own for it). */
export function setOutOfOffice(policy: Policy): Promise<Policy> {
  return updatePolicy(policy.id, { ...draftOf(policy), state: 'OUT_OF_OFFICE' });
}

/** The draft that puts the stored policy back as it is, at its revision. */
export function draftOf(policy: Policy): PolicyDraft {
  return {
    name: policy.name,
    description: policy.description ?? null,
    state: policy.state,
    inheritFromParent: policy.inheritFromParent,
    forceInheritance: policy.forceInheritance,
    settings: policy.settings,
    lockedSettings: policy.lockedSettings,
    profiles: policy.profiles,
    expectedRevision: policy.revision,
  };
}

export function groupEffectivePolicy(groupId: string, application: string, outOfOffice: boolean, signal?: AbortSignal): Promise<EffectivePolicy> {
  return getJson<EffectivePolicy>(
    `/groups/${segment(groupId)}/effective-policy/${segment(application)}?outOfOffice=${outOfOffice}`,
    withSignal(signal),
  ).then(normaliseEffective);
}

export function deviceEffectivePolicy(deviceId: string, application: string, signal?: AbortSignal): Promise<EffectivePolicy> {
  return getJson<EffectivePolicy>(`/devices/${segment(deviceId)}/effective-policy/${segment(application)}`, withSignal(signal)).then(
    normaliseEffective,
  );
}

function normaliseEffective(effective: EffectivePolicy): EffectivePolicy {
  return {
    ...effective,
    settings: effective.settings ?? {},
    origins: effective.origins ?? {},
    lockedSettings: effective.lockedSettings ?? [],
    policies: effective.policies ?? [],
    appliedProfiles: effective.appliedProfiles ?? [],
  };
}

function normalisePolicy(policy: Policy): Policy {
  return {
    ...policy,
    settings: policy.settings ?? {},
    lockedSettings: policy.lockedSettings ?? [],
    problems: policy.problems ?? [],
    profiles: (policy.profiles ?? []).map((profile) => ({
      ...profile,
      settings: profile.settings ?? {},
      lockedSettings: profile.lockedSettings ?? [],
      rules: profile.rules ?? [],
    })),
  };
}
