import {
  Alert,
  AlertActionCloseButton,
  Button,
  PageSection,
  Stack,
  StackItem,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr, TreeRowWrapper, type IAction } from '@patternfly/react-table';
import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchGroupTree, managedDevicesGroupId, type GroupTreeNode } from '../../api/groups';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { DeleteGroupModal } from './DeleteGroupModal';
import { GroupNameModal } from './GroupNameModal';
import { indexTree, mayHoldSubgroups, mayMoveUnder, visibleRows, type TreeRow } from './groupTree';
import { MoveGroupModal } from './MoveGroupModal';
import { RowActions } from './RowActions';
import './groups.css';
import { Hint } from './Hint';

type Dialogue =
  | { kind: 'create'; parentId: string }
  | { kind: 'rename'; group: GroupTreeNode }
  | { kind: 'move'; group: GroupTreeNode; targetId?: string }
  | { kind: 'delete'; group: GroupTreeNode };

/**
 * The administration-group tree with device counts: create, rename, move (drag a group onto its new parent, or
 * "Move to…" from the keyboard) and delete groups; each group opens its own page.
 */
export default function GroupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = holds(me, 'groups.write');
  const tree = useLoad(fetchGroupTree);
  // Until the admin expands or collapses a group, the top-level groups are open.
  const [chosenExpanded, setExpanded] = useState<Set<string> | undefined>();
  const [dialogue, setDialogue] = useState<Dialogue | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [dragged, setDragged] = useState<string | undefined>();
  const [dropTarget, setDropTarget] = useState<string | undefined>();

  const nodes = useMemo(() => tree.data ?? [], [tree.data]);
  const expanded = useMemo(() => chosenExpanded ?? new Set(nodes.map((node) => node.id)), [chosenExpanded, nodes]);
  const rows = useMemo(() => visibleRows(nodes, expanded), [nodes, expanded]);
  const index = useMemo(() => indexTree(nodes), [nodes]);

  const toggle = (id: string) =>
    setExpanded(() => {
      const next = new Set(expanded);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  const expandAll = () => setExpanded(new Set([...index.values()].filter(({ node }) => node.children.length > 0).map(({ node }) => node.id)));
  const collapseAll = () => setExpanded(new Set());

  const done = (message: string, revealId?: string) => {
    setDialogue(undefined);
    setNotice(message);
    if (revealId) {
      setExpanded(new Set(expanded).add(revealId));
    }
    tree.reload();
  };

  const actionsOf = (node: GroupTreeNode): IAction[] => {
    const actions: IAction[] = [];
    if (mayHoldSubgroups(node.id)) {
      actions.push({ title: t('groups.createSubgroup'), onClick: () => setDialogue({ kind: 'create', parentId: node.id }) });
    }
    if (!node.builtIn) {
      actions.push(
        { title: t('groups.rename'), onClick: () => setDialogue({ kind: 'rename', group: node }) },
        { title: t('groups.moveTo'), onClick: () => setDialogue({ kind: 'move', group: node }) },
        { isSeparator: true },
        { title: t('common.delete'), isDanger: true, onClick: () => setDialogue({ kind: 'delete', group: node }) },
      );
    }
    return actions;
  };

  const dragHandlers = (row: TreeRow) => {
    if (!mayWrite) {
      return {};
    }
    const accepts = dragged !== undefined && mayMoveUnder(nodes, dragged, row.node.id);
    return {
      draggable: !row.node.builtIn,
      onDragStart: (event: DragEvent) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', row.node.id);
        setDragged(row.node.id);
      },
      onDragEnd: () => {
        setDragged(undefined);
        setDropTarget(undefined);
      },
      onDragOver: (event: DragEvent) => {
        if (accepts) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          setDropTarget(row.node.id);
        }
      },
      onDragLeave: () => setDropTarget((current) => (current === row.node.id ? undefined : current)),
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        const group = dragged ? index.get(dragged)?.node : undefined;
        setDragged(undefined);
        setDropTarget(undefined);
        if (group && accepts) {
          setDialogue({ kind: 'move', group, targetId: row.node.id });
        }
      },
    };
  };

  let content;
  if (tree.data) {
    content = (
      <Table isTreeTable aria-label={t('groups.treeLabel')} variant="compact" className="garrison-group-tree">
        <Thead>
          <Tr>
            <Th width={50}>{t('groups.name')}</Th>
            <Th modifier="wrap">{t('groups.devicesInGroup')}</Th>
            <Th modifier="wrap">{t('groups.devicesInSubtree')}</Th>
            {mayWrite && <Th screenReaderText={t('common.actions')} />}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row, rowIndex) => (
            <TreeRowWrapper
              key={row.node.id}
              data-testid={`group-row-${row.node.name}`}
              className={[
                dropTarget === row.node.id ? 'garrison-drop-target' : '',
                dragged === row.node.id ? 'garrison-dragged' : '',
              ].join(' ')}
              row={{
                props: {
                  isExpanded: row.expanded,
                  'aria-level': row.level,
                  'aria-posinset': row.position,
                  'aria-setsize': row.node.children.length,
                },
              }}
              {...dragHandlers(row)}
            >
              <Td
                dataLabel={t('groups.name')}
                treeRow={{
                  onCollapse: () => toggle(row.node.id),
                  rowIndex,
                  props: {
                    isExpanded: row.expanded,
                    'aria-level': row.level,
                    'aria-posinset': row.position,
                    'aria-setsize': row.node.children.length,
                    toggleAriaLabel: t(row.expanded ? 'groups.collapse' : 'groups.expand', { name: row.node.name }),
                  },
                }}
              >
                <Link to={`/groups/${row.node.id}`}>{row.node.name}</Link>
              </Td>
              <Td dataLabel={t('groups.devicesInGroup')} className="garrison-number">
                {row.node.deviceCount}
              </Td>
              <Td dataLabel={t('groups.devicesInSubtree')} className="garrison-number">
                <Link to={`/devices?group=${row.node.id}`} aria-label={t('groups.showDevicesOf', { name: row.node.name, count: row.node.subtreeDeviceCount })}>
                  {row.node.subtreeDeviceCount}
                </Link>
              </Td>
              {mayWrite && (
                <Td isActionCell>
                  {actionsOf(row.node).length > 0 && (
                    <RowActions label={t('groups.actionsOf', { name: row.node.name })} items={actionsOf(row.node)} />
                  )}
                </Td>
              )}
            </TreeRowWrapper>
          ))}
        </Tbody>
      </Table>
    );
  } else if (tree.error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('groups.loadFailed')} error={tree.error} />;
  } else {
    content = <PageLoading label={t('groups.loading')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('groups.title')}</Title>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Toolbar>
              <ToolbarContent>
                {mayWrite && (
                  <ToolbarItem>
                    <Button variant="primary" onClick={() => setDialogue({ kind: 'create', parentId: managedDevicesGroupId })}>
                      {t('groups.create')}
                    </Button>
                  </ToolbarItem>
                )}
                <ToolbarItem>
                  <Button variant="secondary" onClick={expandAll} isDisabled={!tree.data}>
                    {t('groups.expandAll')}
                  </Button>
                </ToolbarItem>
                <ToolbarItem>
                  <Button variant="secondary" onClick={collapseAll} isDisabled={!tree.data}>
                    {t('groups.collapseAll')}
                  </Button>
                </ToolbarItem>
                <ToolbarItem>
                  <Button variant="link" component={(props: object) => <Link {...props} to="/device-moving-rules" />}>
                    {t('movingRules.title')}
                  </Button>
                </ToolbarItem>
              </ToolbarContent>
            </Toolbar>
          </StackItem>
          {mayWrite && tree.data && (
            <StackItem>
              <Hint>{t('groups.dragHint')}</Hint>
            </StackItem>
          )}
          {notice && (
            <StackItem>
              <Alert
                variant="success"
                isInline
                isLiveRegion
                title={notice}
                actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />}
              />
            </StackItem>
          )}
          <StackItem>{content}</StackItem>
        </Stack>
      </PageSection>
      {dialogue?.kind === 'create' && (
        <GroupNameModal
          mode="create"
          parentId={dialogue.parentId}
          tree={nodes}
          onClose={() => setDialogue(undefined)}
          onSaved={(group) => done(t('groups.created', { name: group.name }), group.parentId ?? undefined)}
        />
      )}
      {dialogue?.kind === 'rename' && (
        <GroupNameModal
          mode="rename"
          group={dialogue.group}
          tree={nodes}
          onClose={() => setDialogue(undefined)}
          onSaved={(group) => done(t('groups.renamed', { name: group.name }))}
        />
      )}
      {dialogue?.kind === 'move' && (
        <MoveGroupModal
          group={dialogue.group}
          tree={nodes}
          {...(dialogue.targetId ? { targetId: dialogue.targetId } : {})}
          onClose={() => setDialogue(undefined)}
          onMoved={(path, parentId) => done(t('groups.moved', { name: dialogue.group.name, path }), parentId)}
        />
      )}
      {dialogue?.kind === 'delete' && (
        <DeleteGroupModal
          group={dialogue.group}
          onClose={() => setDialogue(undefined)}
          onDeleted={() => done(t('groups.deleted', { name: dialogue.group.name }))}
        />
      )}
    </>
  );
}
