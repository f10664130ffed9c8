import {
  Alert,
  AlertActionCloseButton,
  Button,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  MenuToggle,
  PageSection,
  Split,
  SplitItem,
  Stack,
  StackItem,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listRevisions, restoreRevision, revisionObjectTypes, type Revision } from '../../api/history';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../session/SessionContext';
import { CursorPager, useCursorPages } from '../events/CursorPager';
import { Hint } from '../groups/Hint';
import { ActionModal } from './ActionModal';
import { actorLabel, nameIn, objectTypeLabel, ProblemAlert } from './labels';
import { RevisionDetailModal, type RevisionView } from './RevisionDetailModal';
import { changedSummary } from './revisionDiff';
import './history.css';

const pageSize = 50;

/**
 * The revision history: recent revisions of everything, of one type, or of one object
 * (`/history?objectType=…&objectId=…`, so other pages can link here). A revision opens with its changes and its
 * snapshot (also by URL: `revision=…&view=changes|snapshot`); with `history.restore` it can be restored.
 */
export default function HistoryPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mayRestore = holds(me, 'history.restore');
  const [searchParams, setSearchParams] = useSearchParams();
  const objectType = searchParams.get('objectType') ?? '';
  const objectId = objectType ? (searchParams.get('objectId') ?? '') : '';
  const revisionId = searchParams.get('revision');
  const view: RevisionView = searchParams.get('view') === 'snapshot' ? 'snapshot' : 'changes';
  const { cursor, pageNumber, next, previous, reset } = useCursorPages();
  const [listed, setListed] = useState(`${objectType}/${objectId}`);
  if (listed !== `${objectType}/${objectId}`) {
    setListed(`${objectType}/${objectId}`);
    reset();
  }
  const page = useLoad(
    useCallback(
      (signal: AbortSignal) => listRevisions({ objectType, objectId }, { limit: pageSize, cursor }, signal),
      [objectType, objectId, cursor],
    ),
  );
  const [restoring, setRestoring] = useState<Revision | undefined>();
  const [restored, setRestored] = useState<Revision | undefined>();

  const change = (values: Record<string, string | undefined>) =>
    setSearchParams((current) => {
      const nextParams = new URLSearchParams(current);
      for (const [name, value] of Object.entries(values)) {
        if (value) {
          nextParams.set(name, value);
        } else {
          nextParams.delete(name);
        }
      }
      return nextParams;
    });
  const openRevision = (id: string | undefined, revisionView: RevisionView = 'changes') =>
    change({ revision: id, view: id && revisionView === 'snapshot' ? 'snapshot' : undefined });

  const items = page.data?.items;
  let content;
  if (items && items.length === 0) {
    content = (
      <EmptyState titleText={t('history.emptyTitle')} headingLevel="h2">
        <EmptyStateBody>{t('history.emptyBody')}</EmptyStateBody>
      </EmptyState>
    );
  } else if (items) {
    content = (
      <Table aria-label={t('history.tableLabel')} variant="compact" data-testid="revisions-table">
        <Thead>
          <Tr>
            <Th modifier="fitContent">{t('history.number')}</Th>
            <Th modifier="nowrap">{t('history.at')}</Th>
            <Th>{t('history.actor')}</Th>
            <Th modifier="fitContent">{t('history.action')}</Th>
            {!objectId && <Th>{t('history.object')}</Th>}
            <Th width={20}>{t('history.changed')}</Th>
            <Th screenReaderText={t('history.changes')} />
            <Th screenReaderText={t('common.actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {items.map((revision) => {
            const typeName = objectTypeLabel(revision.objectType, t);
            const name = nameIn(revision.snapshot) ?? revision.objectId;
            return (
              <Tr key={revision.id} data-testid={`revision-${revision.number}`}>
                <Td dataLabel={t('history.number')}>{revision.number}</Td>
                <Td dataLabel={t('history.at')} modifier="nowrap">
                  <time dateTime={revision.at}>{formatDateTime(revision.at, i18n.language)}</time>
                </Td>
                <Td dataLabel={t('history.actor')}>{actorLabel(revision.actor, t)}</Td>
                <Td dataLabel={t('history.action')}>{revision.action}</Td>
                {!objectId && (
                  <Td dataLabel={t('history.object')}>
                    {typeName}{' '}
                    <Button
                      variant="link"
                      isInline
                      onClick={() => change({ objectType: revision.objectType, objectId: revision.objectId, revision: undefined, view: undefined })}
                      aria-label={t('history.showObjectOf', { type: typeName, id: name })}
                    >
                      {name}
                    </Button>
                  </Td>
                )}
                <Td dataLabel={t('history.changed')} modifier="breakWord">
                  {changedSummary(revision.changes ?? [], (paths, count) => t('history.moreChanged', { paths, count })) || t('history.nothingChanged')}
                </Td>
                <Td isActionCell modifier="nowrap">
                  <Button variant="link" isInline onClick={() => openRevision(revision.id)} aria-label={t('history.changesOf', { number: revision.number })}>
                    {t('history.changes')}
                  </Button>
                </Td>
                <Td isActionCell>
                  <ActionsColumn
                    popperProps={{ position: 'right', appendTo: () => document.body }}
                    actionsToggle={({ onToggle, isOpen, toggleRef }) => (
                      <MenuToggle ref={toggleRef} variant="plain" onClick={onToggle} isExpanded={isOpen} aria-label={t('history.actionsOf', { number: revision.number })}>
                        <EllipsisVIcon />
                      </MenuToggle>
                    )}
                    items={[
                      { title: t('history.snapshot'), onClick: () => openRevision(revision.id, 'snapshot') },
                      ...(mayRestore ? [{ title: t('history.restore'), onClick: () => setRestoring(revision) }] : []),
                    ]}
                  />
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    );
  } else if (page.error === undefined) {
    content = <PageLoading label={t('history.loading')} />;
  }

  const total = page.data?.total;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('history.title')}</Title>
        <Hint>{t('history.intro')}</Hint>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <RevisionFilters objectType={objectType} objectId={objectId} onApply={(type, id) => change({ objectType: type, objectId: type ? id : undefined, revision: undefined, view: undefined })} />
          </StackItem>
          {restored && (
            <StackItem>
              <Alert
                variant="success"
                isInline
                isLiveRegion
                title={t('history.restored', { number: restored.number })}
                actionClose={<AlertActionCloseButton onClose={() => setRestored(undefined)} />}
                actionLinks={
                  <Button variant="link" isInline onClick={() => openRevision(restored.id)}>
                    {t('history.viewRestored')}
                  </Button>
                }
              />
            </StackItem>
          )}
          <StackItem>
            <Toolbar>
              <ToolbarContent>
                <ToolbarGroup>
                  <ToolbarItem>
                    {objectId ? (
                      <Title headingLevel="h2" size="md">
                        {t('history.oneObject', { type: objectTypeLabel(objectType, t), id: (items && items[0] && nameIn(items[0].snapshot)) ?? objectId })}
                      </Title>
                    ) : null}
                    {total !== undefined && <span data-testid="revisions-total">{t('history.total', { count: total })}</span>}
                  </ToolbarItem>
                </ToolbarGroup>
                <ToolbarGroup align={{ default: 'alignEnd' }}>
                  <ToolbarItem>
                    <CursorPager
                      label={t('history.paging')}
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
          {page.error !== undefined && (
            <StackItem>
              <ProblemAlert title={t('history.loadFailed')} error={page.error} />
            </StackItem>
          )}
          <StackItem className="garrison-table-scroll">{content}</StackItem>
        </Stack>
      </PageSection>
      {revisionId && (
        <RevisionDetailModal
          revisionId={revisionId}
          view={view}
          known={items ?? []}
          onView={(nextView) => change({ view: nextView === 'snapshot' ? 'snapshot' : undefined })}
          onClose={() => openRevision(undefined)}
          onRestore={mayRestore ? setRestoring : undefined}
        />
      )}
      {restoring && (
        <ActionModal
          title={t('history.restoreTitle', { number: restoring.number })}
          body={t('history.restoreBody', {
            type: objectTypeLabel(restoring.objectType, t),
            name: nameIn(restoring.snapshot) ?? restoring.objectId,
            number: restoring.number,
            at: formatDateTime(restoring.at, i18n.language),
          })}
          confirmLabel={t('history.restoreConfirm')}
          refusedTitle={t('history.restoreRefused')}
          run={() => restoreRevision(restoring.id)}
          onDone={(revision) => {
            setRestoring(undefined);
            setRestored(revision);
            openRevision(undefined);
            reset();
            page.reload();
          }}
          onClose={() => setRestoring(undefined)}
        />
      )}
    </>
  );
}

/** Object type and id; the type applies at once, the id on "Show" (an id alone means nothing to the API). */
function RevisionFilters({ objectType, objectId, onApply }: { objectType: string; objectId: string; onApply: (type: string, id: string) => void }) {
  const { t } = useTranslation();
  const [id, setId] = useState(objectId);
  useEffect(() => setId(objectId), [objectId]);
  const types = !objectType || (revisionObjectTypes as readonly string[]).includes(objectType) ? [...revisionObjectTypes] : [...revisionObjectTypes, objectType];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(objectType, id.trim());
  };

  return (
    <Form onSubmit={submit} aria-label={t('history.filters')} className="garrison-history-filters">
      <Split hasGutter isWrappable className="garrison-filter-row">
        <SplitItem>
          <FormGroup label={t('history.objectType')} fieldId="history-type">
            <FormSelect id="history-type" value={objectType} onChange={(_event, value) => onApply(value, '')}>
              <FormSelectOption value="" label={t('history.anyType')} />
              {types.map((type) => (
                <FormSelectOption key={type} value={type} label={objectTypeLabel(type, t)} />
              ))}
            </FormSelect>
          </FormGroup>
        </SplitItem>
        <SplitItem className="garrison-history-id">
          <FormGroup label={t('history.objectId')} fieldId="history-id">
            <TextInput
              id="history-id"
              value={id}
              isDisabled={!objectType}
              onChange={(_event, value) => setId(value)}
              {...(!objectType ? { 'aria-describedby': 'history-id-hint' } : {})}
            />
          </FormGroup>
        </SplitItem>
        <SplitItem>
          <Button type="submit" variant="primary" isDisabled={!objectType}>
            {t('history.apply')}
          </Button>{' '}
          <Button variant="link" onClick={() => onApply('', '')}>
            {t('history.clear')}
          </Button>
        </SplitItem>
      </Split>
      {!objectType && (
        <div id="history-id-hint">
          <Hint>{t('history.objectIdHint')}</Hint>
        </div>
      )}
    </Form>
  );
}
