import { unassignedDevicesGroupId, type GroupChoice, type GroupTreeNode } from '../../api/groups';

/** One line of the tree as the page shows it: the group, how deep it sits, and its place among its siblings. */
export interface TreeRow {
  node: GroupTreeNode;
  parentId: string | null;
  level: number;
  position: number;
  siblings: number;
  expanded: boolean;
}

/**
 * The lines of the tree to show: every top-level group and, below each expanded group, its subgroups, depth first.
 * Groups inside a collapsed group are left out rather than hidden, so a large tree stays light.
 */
export function visibleRows(tree: readonly GroupTreeNode[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly GroupTreeNode[], parentId: string | null, level: number) => {
    nodes.forEach((node, index) => {
      const open = expanded.has(node.id);
      rows.push({ node, parentId, level, position: index + 1, siblings: nodes.length, expanded: open });
      if (open) {
        walk(node.children, node.id, level + 1);
      }
    });
  };
  walk(tree, null, 1);
  return rows;
}

/** Every group by id, with the id of its parent. */
export function indexTree(tree: readonly GroupTreeNode[]): Map<string, { node: GroupTreeNode; parentId: string | null }> {
  const index = new Map<string, { node: GroupTreeNode; parentId: string | null }>();
  const walk = (nodes: readonly GroupTreeNode[], parentId: string | null) => {
    for (const node of nodes) {
      index.set(node.id, { node, parentId });
      walk(node.children, node.id);
    }
  };
  walk(tree, null);
  return index;
}

/** The ids of the group and of every group below it. */
export function subtreeIds(node: GroupTreeNode): Set<string> {
  const ids = new Set<string>();
  const walk = (current: GroupTreeNode) => {
    ids.add(current.id);
    current.children.forEach(walk);
  };
  walk(node);
  return ids;
}

/** How many groups lie below the group. */
export function subgroupCount(node: GroupTreeNode): number {
  return subtreeIds(node).size - 1;
}

/** The ids of the groups above the group, from the top; empty for a top-level or unknown group. */
export function ancestorIds(tree: readonly GroupTreeNode[], groupId: string): string[] {
  const index = indexTree(tree);
  const ancestors: string[] = [];
  let parent = index.get(groupId)?.parentId ?? null;
  while (parent && !ancestors.includes(parent)) {
    ancestors.unshift(parent);
    parent = index.get(parent)?.parentId ?? null;
  }
  return ancestors;
}

/** Every group with the names from the top, in tree order. */
export function choicesOfTree(tree: readonly GroupTreeNode[]): GroupChoice[] {
  const choices: GroupChoice[] = [];
  const walk = (nodes: readonly GroupTreeNode[], prefix: string) => {
    for (const node of nodes) {
      const path = prefix ? `${prefix} / ${node.name}` : node.name;
      choices.push({ id: node.id, path });
      walk(node.children, path);
    }
  };
  walk(tree, '');
  return choices;
}

/**
 * Whether the server would accept moving `groupId` under `targetId`: built-in groups stay where they are, a group
 * cannot go below itself or one of its subgroups, "Unassigned devices" takes no subgroups, and moving under the
 * current parent would change nothing.
 */
export function mayMoveUnder(tree: readonly GroupTreeNode[], groupId: string, targetId: string): boolean {
  const index = indexTree(tree);
  const group = index.get(groupId);
  if (!group || group.node.builtIn || !index.has(targetId) || targetId === unassignedDevicesGroupId) {
    return false;
  }
  return group.parentId !== targetId && !subtreeIds(group.node).has(targetId);
}

/** Where the group may be moved to, as choices with their paths. */
export function moveTargets(tree: readonly GroupTreeNode[], groupId: string): GroupChoice[] {
  return choicesOfTree(tree).filter((choice) => mayMoveUnder(tree, groupId, choice.id));
}

/** Whether a group may hold subgroups (every group but "Unassigned devices"). */
export function mayHoldSubgroups(groupId: string): boolean {
  return groupId !== unassignedDevicesGroupId;
}
