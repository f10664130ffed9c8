import { getAll } from './client';

export interface AdministrationGroup {
  id: string;
  parentId: string | null;
  name: string;
  builtIn: boolean;
}

/** A group with the names of its ancestors, for pickers: "Managed devices / Berlin / Servers". */
export interface GroupChoice {
  id: string;
  path: string;
}

/** The root of the tree: a role granted here holds on the whole server. */
export const managedDevicesGroupId = '00000000-0000-0000-0000-000000000001';

export function listGroups(signal?: AbortSignal): Promise<AdministrationGroup[]> {
  return getAll<AdministrationGroup>('/groups?limit=1000', signal ? { signal } : {});
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
