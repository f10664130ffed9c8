import { deleteRequest, getAll, getJson, patchJson, postJson, putJson, segment } from './client';

export interface AdministrationGroup {
  id: string;
  parentId: string | null;
  name: string;
  builtIn: boolean;
  createdAt?: string;
  modifiedAt?: string;
  /** Devices directly in the group. */
  deviceCount?: number;
  /** Devices in the group and every group below it. */
  subtreeDeviceCount?: number;
}

/** One group of `GET /groups/tree`, with its subgroups. */
export interface GroupTreeNode {
  id: string;
  name: string;
  builtIn: boolean;
  deviceCount: number;
  subtreeDeviceCount: number;
  children: GroupTreeNode[];
}

/** A group with the names of its ancestors, for pickers: "Managed devices / Berlin / Servers". */
export interface GroupChoice {
  id: string;
  path: string;
}

/** The root of the tree: a role granted here holds on the whole server. */
export const managedDevicesGroupId = '00000000-0000-0000-0000-000000000001';

/** Where new devices land; it cannot have subgroups. */
export const unassignedDevicesGroupId = '00000000-0000-0000-0000-000000000002';

/** How `DELETE /groups/{id}` treats what the group holds. */
export type GroupDeleteMode = 'empty-only' | 'with-subgroups' | 'with-members';

export const groupDeleteModes: readonly GroupDeleteMode[] = ['empty-only', 'with-subgroups', 'with-members'];

export function listGroups(signal?: AbortSignal): Promise<AdministrationGroup[]> {
  return getAll<AdministrationGroup>('/groups?limit=1000', signal ? { signal } : {});
}

export function fetchGroupTree(signal?: AbortSignal): Promise<GroupTreeNode[]> {
  return getJson<GroupTreeNode[]>('/groups/tree', signal ? { signal } : {});
}

export function fetchGroup(id: string, signal?: AbortSignal): Promise<AdministrationGroup> {
  return getJson<AdministrationGroup>(`/groups/${segment(id)}`, signal ? { signal } : {});
}

export function createGroup(parentId: string, name: string): Promise<AdministrationGroup> {
  return postJson<AdministrationGroup>('/groups', { parentId, name });
}

export function renameGroup(id: string, name: string): Promise<AdministrationGroup> {
  return patchJson<AdministrationGroup>(`/groups/${segment(id)}`, { name });
}

export function moveGroup(id: string, parentId: string): Promise<AdministrationGroup> {
  return postJson<AdministrationGroup>(`/groups/${segment(id)}/move`, { parentId });
}

export function deleteGroup(id: string, mode: GroupDeleteMode): Promise<void> {
  return deleteRequest(`/groups/${segment(id)}?mode=${mode}`);
}

/** Every group with its full path, in tree order (the API lists parents before their children). */
export function groupChoices(groups: readonly AdministrationGroup[]): GroupChoice[] {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const pathOf = (group: AdministrationGroup): string => {
    const names = [group.name];
    const seen = new Set([group.id]);
    let parent = group.parentId ? byId.get(group.parentId) : undefined;
    while (parent && !seen.has(parent.id)) {
      names.unshift(parent.name);
      seen.add(parent.id);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return names.join(' / ');
  };
  return groups.map((group) => ({ id: group.id, path: pathOf(group) }));
}

/** The status conditions a group's device settings may hold, at most one of each. */
export const statusConditionTypes = [
  'NOT_SEEN_DAYS',
  'NOT_SYNCHRONISED_DAYS',
  'RESTART_PENDING',
  'APPLICATION_NOT_RUNNING',
  'REAL_TIME_PROTECTION_OFF',
  'THREATS_DETECTED',
  'OBJECTS_NOT_DISINFECTED',
  'SCAN_OVERDUE_DAYS',
  'LICENCE_EXPIRING_DAYS',
  'LICENCE_EXPIRED',
  'NO_MANAGED_APPLICATION',
] as const;

export type StatusConditionType = (typeof statusConditionTypes)[number];

/** Conditions measured in days; for the others any threshold only means "yes, at this level". */
export function hasDayThresholds(type: StatusConditionType): boolean {
  return type.endsWith('_DAYS');
}

export interface StatusCondition {
  type: StatusConditionType;
  enabled: boolean;
  /** Absent: never a warning. */
  warningThreshold?: number | null;
  /** Absent: never critical. */
  criticalThreshold?: number | null;
}

export interface InactivityHandling {
  notifyAfterDays?: number | null;
  removeAfterDays?: number | null;
}

export interface GroupDeviceSettings {
  inheritFromParent: boolean;
  forceOnChildren: boolean;
  statusConditions: StatusCondition[];
  inactivity: InactivityHandling;
}

/** The settings in force for a group and the group whose own settings they are. */
export interface EffectiveDeviceSettings {
  groupId: string;
  sourceGroupId: string;
  forced: boolean;
  statusConditions: StatusCondition[];
  inactivity: InactivityHandling;
}

export function fetchDeviceSettings(groupId: string, signal?: AbortSignal): Promise<GroupDeviceSettings> {
  return getJson<GroupDeviceSettings>(`/groups/${segment(groupId)}/device-settings`, signal ? { signal } : {});
}

export function saveDeviceSettings(groupId: string, settings: GroupDeviceSettings): Promise<GroupDeviceSettings> {
  return putJson<GroupDeviceSettings>(`/groups/${segment(groupId)}/device-settings`, settings);
}

export function fetchEffectiveDeviceSettings(groupId: string, signal?: AbortSignal): Promise<EffectiveDeviceSettings> {
  return getJson<EffectiveDeviceSettings>(`/groups/${segment(groupId)}/device-settings/effective`, signal ? { signal } : {});
}
