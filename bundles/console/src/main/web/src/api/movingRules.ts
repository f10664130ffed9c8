import { deleteRequest, getJson, postJson, putJson, segment } from './client';
import type { OsType } from './devices';

/** `ONCE`: each device is moved once and may be moved elsewhere afterwards; `CONTINUOUS`: it is moved back. */
export type MovingRuleMode = 'ONCE' | 'CONTINUOUS';

/** What a device must match; every condition given must hold. */
export interface MovingRuleConditions {
  tags?: string[];
  dnsNamePattern?: string | null;
  dnsDomainPattern?: string | null;
  ipv4Ranges?: string[];
  osTypes?: OsType[];
  osVersionPattern?: string | null;
  osArchitecture?: string | null;
  virtualMachine?: boolean | null;
  applicationInstalled?: string | null;
}

export interface MovingRuleDraft {
  name: string;
  enabled: boolean;
  targetGroupId: string;
  mode: MovingRuleMode;
  unassignedOnly: boolean;
  conditions: MovingRuleConditions;
}

export interface DeviceMovingRule extends MovingRuleDraft {
  id: string;
  position: number;
  createdAt?: string;
  modifiedAt?: string;
}

export function listMovingRules(signal?: AbortSignal): Promise<DeviceMovingRule[]> {
  return getJson<DeviceMovingRule[]>('/device-moving-rules', signal ? { signal } : {});
}

export function createMovingRule(rule: MovingRuleDraft): Promise<DeviceMovingRule> {
  return postJson<DeviceMovingRule>('/device-moving-rules', rule);
}

export function updateMovingRule(id: string, rule: MovingRuleDraft): Promise<DeviceMovingRule> {
  return putJson<DeviceMovingRule>(`/device-moving-rules/${segment(id)}`, rule);
}

export function deleteMovingRule(id: string): Promise<void> {
  return deleteRequest(`/device-moving-rules/${segment(id)}`);
}

/** Puts the rules in this order; the list must name every rule once. */
export function orderMovingRules(ruleIds: readonly string[]): Promise<DeviceMovingRule[]> {
  return postJson<DeviceMovingRule[]>('/device-moving-rules/order', { ruleIds });
}

/** Applies the rules to every device now; answers how many devices moved. */
export async function runMovingRules(): Promise<number> {
  const answer = await postJson<{ moved: number }>('/device-moving-rules/run');
  return answer.moved;
}
