import { deleteRequest, getJson, postJson, segment } from './client';

/**
 * Enrollment tokens, enrolled agents and the agent gateway's certificate authority (`/enrollment-tokens`,
 * `/agents`, `/gateway`; docs/api/agents.md).
 */

export type EnrollmentTokenState = 'active' | 'expired' | 'used-up' | 'revoked';

export interface Actor {
  kind: string;
  id?: string | null;
  name?: string | null;
}

export interface EnrollmentToken {
  id: string;
  name: string;
  groupId: string;
  requireApproval: boolean;
  maxUses: number;
  uses: number;
  expiresAt: string;
  createdAt: string;
  createdBy?: Actor | null;
  revokedAt?: string | null;
  state: EnrollmentTokenState;
}

/** The answer to creating a token: the token and, this once, its text and the command that enrolls with it. */
export interface CreatedEnrollmentToken extends EnrollmentToken {
  token: string;
  enrollCommand: string;
}

export interface NewEnrollmentToken {
  name: string;
  groupId?: string;
  requireApproval?: boolean;
  maxUses?: number;
  expiresAt?: string;
}

export type AgentState = 'PENDING_APPROVAL' | 'ACTIVE' | 'REJECTED' | 'REVOKED';

export const agentStates: readonly AgentState[] = ['PENDING_APPROVAL', 'ACTIVE', 'REJECTED', 'REVOKED'];

export interface HostFacts {
  hostname: string;
  dnsDomain?: string | null;
  osType?: string | null;
  osName?: string | null;
  architecture?: string | null;
  agentVersion?: string | null;
}

export interface AgentCertificate {
  serial: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt?: string | null;
  revokeReason?: string | null;
}

export interface Agent {
  id: string;
  hardwareId: string;
  hostname: string;
  host?: HostFacts | null;
  agentVersion?: string | null;
  state: AgentState;
  groupId?: string | null;
  tokenId?: string | null;
  deviceId?: string | null;
  enrolledAt: string;
  decidedAt?: string | null;
  decidedBy?: string | Actor | null;
  lastSyncAt?: string | null;
  lastAddress?: string | null;
  storedThrough?: number | null;
  certificates?: AgentCertificate[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
  total?: number;
}

/** What an admin needs to add devices: the gateway's port and the fingerprint of its certificate authority. */
export interface GatewayInfo {
  port: number;
  caCertificate: string;
  caPin: string;
  serverNames?: string[];
}

const options = (signal?: AbortSignal) => (signal ? { signal } : {});

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function listEnrollmentTokens(state: 'active' | 'all', page: { limit: number; cursor?: string }, signal?: AbortSignal): Promise<Page<EnrollmentToken>> {
  return getJson<Page<EnrollmentToken>>(`/enrollment-tokens${query({ state, limit: String(page.limit), cursor: page.cursor })}`, options(signal));
}

export function createEnrollmentToken(token: NewEnrollmentToken): Promise<CreatedEnrollmentToken> {
  return postJson<CreatedEnrollmentToken>('/enrollment-tokens', token);
}

export function revokeEnrollmentToken(id: string): Promise<void> {
  return deleteRequest(`/enrollment-tokens/${segment(id)}`);
}

export function listAgents(filter: { state?: AgentState; q?: string }, page: { limit: number; cursor?: string }, signal?: AbortSignal): Promise<Page<Agent>> {
  return getJson<Page<Agent>>(`/agents${query({ state: filter.state, q: filter.q, limit: String(page.limit), cursor: page.cursor })}`, options(signal));
}

export function fetchAgent(id: string, signal?: AbortSignal): Promise<Agent> {
  return getJson<Agent>(`/agents/${segment(id)}`, options(signal));
}

export function approveAgent(id: string): Promise<Agent> {
  return postJson<Agent>(`/agents/${segment(id)}/approve`);
}

export function rejectAgent(id: string): Promise<Agent> {
  return postJson<Agent>(`/agents/${segment(id)}/reject`);
}

export function revokeAgent(id: string, reason?: string): Promise<Agent> {
  return postJson<Agent>(`/agents/${segment(id)}/revoke`, reason ? { reason } : {});
}

export function fetchGateway(signal?: AbortSignal): Promise<GatewayInfo> {
  return getJson<GatewayInfo>('/gateway', options(signal));
}
