import { describe, expect, it } from 'vitest';
import { groupsWithin } from './groupScope';

const group = (id: string, parentId: string | null) => ({ id, parentId, name: id, builtIn: false });
const tree = [group('root', null), group('berlin', 'root'), group('servers', 'berlin'), group('hamburg', 'root'), group('unassigned', null)];

describe('groups within a permission scope', () => {
  it('are every group for a grant on the whole server', () => {
    expect(groupsWithin(tree, { everywhere: true, roots: [] })).toHaveLength(5);
  });

  it('are the subtrees of the granted groups only', () => {
    expect(groupsWithin(tree, { everywhere: false, roots: ['berlin'] }).map((g) => g.id)).toEqual(['berlin', 'servers']);
  });

  it('are none without the permission', () => {
    expect(groupsWithin(tree, undefined)).toEqual([]);
  });
});
