import { describe, expect, it } from 'vitest';
import { managedDevicesGroupId, unassignedDevicesGroupId, type GroupTreeNode } from '../../api/groups';
import { ancestorIds, choicesOfTree, mayMoveUnder, moveTargets, subgroupCount, visibleRows } from './groupTree';

const node = (id: string, name: string, children: GroupTreeNode[] = [], builtIn = false): GroupTreeNode => ({
  id,
  name,
  builtIn,
  deviceCount: 0,
  subtreeDeviceCount: 0,
  children,
});

const floor = node('floor', 'Floor 1');
const berlin = node('berlin', 'Berlin', [floor]);
const paris = node('paris', 'Paris');
const tree = [node(managedDevicesGroupId, 'Managed devices', [berlin, paris], true), node(unassignedDevicesGroupId, 'Unassigned devices', [], true)];

describe('group tree', () => {
  it('shows the subgroups of expanded groups only, with their level and place among siblings', () => {
    const rows = visibleRows(tree, new Set([managedDevicesGroupId]));

    expect(rows.map((row) => [row.node.name, row.level, row.position, row.siblings])).toEqual([
      ['Managed devices', 1, 1, 2],
      ['Berlin', 2, 1, 2],
      ['Paris', 2, 2, 2],
      ['Unassigned devices', 1, 2, 2],
    ]);
    expect(visibleRows(tree, new Set([managedDevicesGroupId, 'berlin'])).map((row) => row.node.name)).toContain('Floor 1');
  });

  it('lets a group move under any group but itself, its subgroups, its parent and "Unassigned devices"', () => {
    expect(mayMoveUnder(tree, 'berlin', 'paris')).toBe(true);
    expect(mayMoveUnder(tree, 'floor', managedDevicesGroupId)).toBe(true);
    expect(mayMoveUnder(tree, 'berlin', 'berlin')).toBe(false);
    expect(mayMoveUnder(tree, 'berlin', 'floor')).toBe(false);
    expect(mayMoveUnder(tree, 'berlin', managedDevicesGroupId)).toBe(false);
    expect(mayMoveUnder(tree, 'paris', unassignedDevicesGroupId)).toBe(false);
    expect(mayMoveUnder(tree, 'unknown', 'paris')).toBe(false);
  });

  it('never moves a built-in group', () => {
    expect(mayMoveUnder(tree, unassignedDevicesGroupId, 'paris')).toBe(false);
    expect(moveTargets(tree, managedDevicesGroupId)).toEqual([]);
  });

  it('offers the move targets with their paths', () => {
    expect(moveTargets(tree, 'berlin')).toEqual([{ id: 'paris', path: 'Managed devices / Paris' }]);
    expect(moveTargets(tree, 'floor').map((target) => target.path)).toEqual(['Managed devices', 'Managed devices / Paris']);
  });

  it('knows the ancestors, paths and subgroups of a group', () => {
    expect(ancestorIds(tree, 'floor')).toEqual([managedDevicesGroupId, 'berlin']);
    expect(ancestorIds(tree, managedDevicesGroupId)).toEqual([]);
    expect(choicesOfTree(tree).find((choice) => choice.id === 'floor')?.path).toBe('Managed devices / Berlin / Floor 1');
    expect(subgroupCount(tree[0]!)).toBe(3);
  });
});
