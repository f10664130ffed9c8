import type { AdministrationGroup } from '../../api/groups';
import type { GroupScope } from '../../api/session';

/** The groups within a permission's scope: all of them, or those in the subtrees of its roots. */
export function groupsWithin(groups: readonly AdministrationGroup[], scope: GroupScope | undefined): AdministrationGroup[] {
  if (!scope) {
    return [];
  }
  if (scope.everywhere) {
    return [...groups];
  }
  const byId = new Map(groups.map((group) => [group.id, group]));
  const inScope = (group: AdministrationGroup): boolean => {
    const seen = new Set<string>();
    // Walks up to the root; `seen` stops at a cycle rather than looping, should the data ever hold one.
    for (let current: AdministrationGroup | undefined = group; current && !seen.has(current.id); current = current.parentId ? byId.get(current.parentId) : undefined) {
      if (scope.roots.includes(current.id)) {
        return true;
      }
      seen.add(current.id);
    }
    return false;
  };
  return groups.filter(inScope);
}
