import {
  Alert,
  AlertActionCloseButton,
  Button,
  EmptyState,
  EmptyStateBody,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalHeader,
  MenuToggle,
  PageSection,
  Stack,
  StackItem,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { listDeletedObjects, purgeDeletedObject, restoreDeletedObject, revisionObjectTypes, type DeletedObject, type Revision } from '../../api/history';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import { CursorPager, useCursorPages } from '../events/CursorPager';
import { Hint } from '../groups/Hint';
import { ActionModal } from './ActionModal';
import { actorLabel, historyPathOf, objectTypeLabel, ProblemAlert, SnapshotView } from './labels';
import './history.css';

const pageSize = 50;

type Dialogue = { kind: 'snapshot' | 'restore' | 'purge'; entry: DeletedObject };

type Outcome = { kind: 'restored'; entry: DeletedObject; revision: Revision } | { kind: 'purged'; entry: DeletedObject };

/** Where a restored object can be seen: its own page where the console has one, else its revision history. */
function pageOf(objectType: string, objectId: string): string | undefined {
  if (objectType === 'administration-group') {
    return `/groups/${objectId}`;
  }
  if (objectType === 'device') {
    return `/devices/${objectId}`;
  }
  return undefined;
}

/** The parent group a deleted group's snapshot names, if the snapshot has one. */
function parentIdOf(entry: DeletedObject): string | undefined {
  const snapshot = entry.snapshot as Record<string, unknown> | null;
  return typeof snapshot?.parentId === 'string' ? snapshot.parentId : undefined;
}

/**
 * The registry of deleted objects, newest first, by type (`?objectType=…`): each entry's snapshot, restoring it
 * (with the server's reason when it cannot be, such as a parent group that is deleted too) and purging it for good.
 */
export default function DeletedObjectsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayRestore = holds(me, 'history.restore');
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const objectType = searchParams.get('objectType') ?? '';
  const { cursor, pageNumber, next, previous, reset } = useCursorPages();
  const [listed, setListed] = useState(objectType);
  if (listed !== objectType) {
    setListed(objectType);
    reset();
  }
  const page = useLoad(
    useCallback((signal: AbortSignal) => listDeletedObjects(objectType || undefined, { limit: pageSize, cursor }, signal), [objectType, cursor]),
  );
  const [dialogue, setDialogue] = useState<Dialogue | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const types = !objectType || (revisionObjectTypes as readonly string[]).includes(objectType) ? [...revisionObjectTypes] : [...revisionObjectTypes, objectType];

  const items = page.data?.items;
  // A group whose parent is deleted too cannot come back first: say which entry to restore before it.
  const deletedParentOf = (entry: DeletedObject) => {
    const parentId = parentIdOf(entry);
    return parentId ? items?.find((other) => other.objectId === parentId && other.objectType === entry.objectType) : undefined;
  };
  const done = (result: Outcome) => {
    setDialogue(undefined);
    setOutcome(result);
    reset();
    page.reload();
  };

  let content;
  if (items && items.length === 0) {
    content = (
      <EmptyState titleText={t('deletedObjects.emptyTitle')} headingLevel="h2">
        <EmptyStateBody>{t('deletedObjects.emptyBody')}</EmptyStateBody>
      </EmptyState>
    );
  } else if (items) {
    content = (
      <Table aria-label={t('deletedObjects.tableLabel')} variant="compact" data-testid="deleted-objects-table">
        <Thead>
          <Tr>
            <Th>{t('deletedObjects.name')}</Th>
            <Th modifier="fitContent">{t('deletedObjects.type')}</Th>
            <Th modifier="nowrap">{t('deletedObjects.deletedAt')}</Th>
            <Th>{t('deletedObjects.deletedBy')}</Th>
            <Th screenReaderText={t('deletedObjects.restore')} />
            <Th screenReaderText={t('common.actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {items.map((entry) => (
            <Tr key={entry.id} data-testid={`deleted-${entry.name}`}>
              <Td dataLabel={t('deletedObjects.name')} modifier="breakWord">
                {entry.name}
              </Td>
              <Td dataLabel={t('deletedObjects.type')}>{objectTypeLabel(entry.objectType, t)}</Td>
              <Td dataLabel={t('deletedObjects.deletedAt')} modifier="nowrap">
                <time dateTime={entry.deletedAt}>{formatDateTime(entry.deletedAt, i18n.language)}</time>
              </Td>
              <Td dataLabel={t('deletedObjects.deletedBy')}>{actorLabel(entry.actor, t)}</Td>
              <Td isActionCell modifier="nowrap">
                <Button variant="link" isInline onClick={() => setDialogue({ kind: 'snapshot', entry })} aria-label={t('deletedObjects.snapshotOf', { name: entry.name })}>
                  {t('deletedObjects.viewSnapshot')}
                </Button>
                {mayRestore && (
                  <Button variant="secondary" size="sm" className="garrison-space-before" onClick={() => setDialogue({ kind: 'restore', entry })} aria-label={t('deletedObjects.restoreLabel', { name: entry.name })}>
                    {t('deletedObjects.restore')}
                  </Button>
                )}
              </Td>
              <Td isActionCell>
                <ActionsColumn
                  popperProps={{ position: 'right', appendTo: () => document.body }}
                  actionsToggle={({ onToggle, isOpen, toggleRef }) => (
                    <MenuToggle ref={toggleRef} variant="plain" onClick={onToggle} isExpanded={isOpen} aria-label={t('deletedObjects.actionsOf', { name: entry.name })}>
                      <EllipsisVIcon />
                    </MenuToggle>
                  )}
                  items={[
                    { title: t('deletedObjects.history'), onClick: () => navigate(historyPathOf(entry.objectType, entry.objectId)) },
                    ...(mayRestore
                      ? [{ isSeparator: true }, { title: t('deletedObjects.purge'), isDanger: true, onClick: () => setDialogue({ kind: 'purge', entry }) }]
                      : []),
                  ]}
                />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  } else if (page.error === undefined) {
    content = <PageLoading label={t('deletedObjects.loading')} />;
  }

  const restoredPage = outcome?.kind === 'restored' ? pageOf(outcome.entry.objectType, outcome.entry.objectId) : undefined;
  const total = page.data?.total;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('deletedObjects.title')}</Title>
        <Hint>{t('deletedObjects.intro')}</Hint>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <Toolbar>
              <ToolbarContent>
                <ToolbarGroup>
                  <ToolbarItem>
                    <FormGroup label={t('history.objectType')} fieldId="deleted-type">
                      <FormSelect
                        id="deleted-type"
                        value={objectType}
                        onChange={(_event, value) => setSearchParams(value ? { objectType: value } : {})}
                      >
                        <FormSelectOption value="" label={t('history.anyType')} />
                        {types.map((type) => (
                          <FormSelectOption key={type} value={type} label={objectTypeLabel(type, t)} />
                        ))}
                      </FormSelect>
                    </FormGroup>
                  </ToolbarItem>
                  {total !== undefined && (
                    <ToolbarItem alignSelf="end">
                      <span data-testid="deleted-total">{t('deletedObjects.total', { count: total })}</span>
                    </ToolbarItem>
                  )}
                </ToolbarGroup>
                <ToolbarGroup align={{ default: 'alignEnd' }}>
                  <ToolbarItem alignSelf="end">
                    <CursorPager
                      label={t('deletedObjects.paging')}
                      pageLabel={t('history.pageOf', { page: pageNumber })}
                      previousLabel={t('history.newerPage')}
                      nextLabel={t('history.olderPage')}
                      hasPrevious={pageNumber > 1}
                      hasNext={Boolean(page.data?.nextCursor)}
                      onPrevious={previous}
                      onNext={() => next(page.data?.nextCursor)}
                    />
                  </ToolbarItem>
                </ToolbarGroup>
              </ToolbarContent>
            </Toolbar>
          </StackItem>
          {outcome && (
            <StackItem>
              <Alert
                variant="success"
                isInline
                isLiveRegion
                data-testid="deleted-outcome"
                title={t(outcome.kind === 'restored' ? 'deletedObjects.restored' : 'deletedObjects.purged', { name: outcome.entry.name })}
                actionClose={<AlertActionCloseButton onClose={() => setOutcome(undefined)} />}
                actionLinks={
                  outcome.kind === 'restored' ? (
                    <>
                      {restoredPage && <Link to={restoredPage}>{t('deletedObjects.openRestored')}</Link>}
                      <Link className={restoredPage ? 'garrison-space-before' : undefined} to={historyPathOf(outcome.entry.objectType, outcome.entry.objectId)}>
                        {t('deletedObjects.history')}
                      </Link>
                    </>
                  ) : undefined
                }
              />
            </StackItem>
          )}
          {page.error !== undefined && (
            <StackItem>
              <ProblemAlert title={t('deletedObjects.loadFailed')} error={page.error} />
            </StackItem>
          )}
          <StackItem className="garrison-table-scroll">{content}</StackItem>
        </Stack>
      </PageSection>
      {dialogue?.kind === 'snapshot' && (
        <Modal isOpen variant="medium" onClose={() => setDialogue(undefined)} aria-labelledby="deleted-snapshot-title">
          <ModalHeader
            title={t('deletedObjects.snapshotTitle', { type: objectTypeLabel(dialogue.entry.objectType, t), name: dialogue.entry.name })}
            labelId="deleted-snapshot-title"
          />
          <ModalBody>
            <SnapshotView snapshot={dialogue.entry.snapshot} label={t('deletedObjects.snapshotOf', { name: dialogue.entry.name })} />
          </ModalBody>
        </Modal>
      )}
      {dialogue?.kind === 'restore' && (
        <ActionModal
          title={t('deletedObjects.restoreTitle', { name: dialogue.entry.name })}
          body={
            <>
              <p>{t('deletedObjects.restoreBody', { type: objectTypeLabel(dialogue.entry.objectType, t), name: dialogue.entry.name })}</p>
              {deletedParentOf(dialogue.entry) && (
                <Alert variant="warning" isInline isPlain title={t('deletedObjects.parentDeleted', { parent: deletedParentOf(dialogue.entry)!.name })} className="garrison-space-before" />
              )}
            </>
          }
          confirmLabel={t('deletedObjects.restore')}
          refusedTitle={t('deletedObjects.restoreRefused', { name: dialogue.entry.name })}
          run={() => restoreDeletedObject(dialogue.entry.id)}
          onDone={(revision) => done({ kind: 'restored', entry: dialogue.entry, revision })}
          onClose={() => setDialogue(undefined)}
        />
      )}
      {dialogue?.kind === 'purge' && (
        <ActionModal
          danger
          title={t('deletedObjects.purgeTitle', { name: dialogue.entry.name })}
          body={t('deletedObjects.purgeBody', { type: objectTypeLabel(dialogue.entry.objectType, t), name: dialogue.entry.name })}
          confirmLabel={t('deletedObjects.purgeConfirm')}
          refusedTitle={t('common.failed')}
          run={() => purgeDeletedObject(dialogue.entry.id)}
          onDone={() => done({ kind: 'purged', entry: dialogue.entry })}
          onClose={() => setDialogue(undefined)}
        />
      )}
    </>
  );
}
