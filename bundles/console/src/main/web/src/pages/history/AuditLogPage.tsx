import {
  Button,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
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
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import SyncAltIcon from '@patternfly/react-icons/dist/esm/icons/sync-alt-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listAccounts } from '../../api/accounts';
import { auditLogExportUrl, knownObjectTypes, listAuditLog, mayHaveRevisions, outcomes, type AuditEntry } from '../../api/history';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { DateTime } from '../../components/DateTime';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { CursorPager, useCursorPages } from '../events/CursorPager';
import { Hint } from '../groups/Hint';
import { auditFilterOf, auditParamsOf, auditViewOf, instantOfLocal, localOfInstant, timeRanges, type AuditView } from './auditFilter';
import { actorLabel, historyPathOf, objectTypeLabel, ProblemAlert } from './labels';
import './history.css';

const pageSizes = [50, 100, 200];
const outcomeColour = { success: 'green', denied: 'orange', refused: 'yellow', failed: 'red' } as const;
const noAccounts = async () => [];

/**
 * The audit log: filters kept in the URL (time, actor, object, outcome), paging by cursor (the log is not counted),
 * and the CSV export of the same filters through the API.
 */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const viewKey = auditParamsOf(auditViewOf(searchParams)).toString();
  const view = useMemo(() => auditViewOf(new URLSearchParams(viewKey)), [viewKey]);
  const [pageSize, setPageSize] = useState(pageSizes[0]!);
  const { cursor, pageNumber, next, previous, reset } = useCursorPages();
  // A new filter starts at the first page, with a relative time range counted from now.
  const [loaded, setLoaded] = useState(() => ({ viewKey, at: new Date() }));
  if (loaded.viewKey !== viewKey) {
    setLoaded({ viewKey, at: new Date() });
    reset();
  }
  const filter = useMemo(() => auditFilterOf(view, loaded.at), [view, loaded]);
  const page = useLoad(useCallback((signal: AbortSignal) => listAuditLog(filter, { limit: pageSize, cursor }, signal), [filter, pageSize, cursor]));
  // Account logins as suggestions for the actor filter, for those who may read accounts.
  const accounts = useLoad(holds(me, 'accounts.read') ? listAccounts : noAccounts);

  const apply = (change: Partial<AuditView>) => setSearchParams(auditParamsOf({ ...view, ...change }));
  const refresh = () => {
    reset();
    setLoaded({ viewKey, at: new Date() });
  };

  const items = page.data?.items;
  let content;
  if (items && items.length === 0) {
    content = (
      <EmptyState titleText={t('auditLog.emptyTitle')} headingLevel="h2">
        <EmptyStateBody>{t('auditLog.emptyBody')}</EmptyStateBody>
      </EmptyState>
    );
  } else if (items) {
    content = <AuditTable entries={items} onActor={(actor) => apply({ actor })} onObject={(objectType, objectId) => apply({ objectType, objectId })} />;
  } else if (page.error === undefined) {
    content = <PageLoading label={t('auditLog.loading')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('auditLog.title')}</Title>
        <Hint>{t('auditLog.intro')}</Hint>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <AuditFilters view={view} onApply={apply} accounts={accounts.data ?? []} />
          </StackItem>
          <StackItem>
            <Toolbar>
              <ToolbarContent>
                <ToolbarGroup>
                  <ToolbarItem>
                    <Button variant="secondary" icon={<SyncAltIcon />} onClick={refresh}>
                      {t('auditLog.refresh')}
                    </Button>
                  </ToolbarItem>
                  <ToolbarItem>
                    <Button variant="secondary" component="a" href={auditLogExportUrl(filter)} download="audit-log.csv" icon={<DownloadIcon />}>
                      {t('auditLog.export')}
                    </Button>
                  </ToolbarItem>
                </ToolbarGroup>
                <ToolbarGroup align={{ default: 'alignEnd' }}>
                  <ToolbarItem>
                    <FormSelect
                      id="audit-page-size"
                      aria-label={t('auditLog.perPage')}
                      value={String(pageSize)}
                      onChange={(_event, value) => {
                        setPageSize(Number(value));
                        reset();
                      }}
                    >
                      {pageSizes.map((size) => (
                        <FormSelectOption key={size} value={String(size)} label={t('history.perPageOption', { count: size })} />
                      ))}
                    </FormSelect>
                  </ToolbarItem>
                  <ToolbarItem>
                    <CursorPager
                      label={t('auditLog.paging')}
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
              <ProblemAlert title={t('auditLog.loadFailed')} error={page.error} />
            </StackItem>
          )}
          <StackItem className="garrison-table-scroll">{content}</StackItem>
        </Stack>
      </PageSection>
    </>
  );
}

function AuditTable({
  entries,
  onActor,
  onObject,
}: {
  entries: readonly AuditEntry[];
  onActor: (actorId: string) => void;
  onObject: (objectType: string, objectId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('auditLog.tableLabel')} variant="compact" data-testid="audit-table">
      <Thead>
        <Tr>
          <Th>{t('auditLog.at')}</Th>
          <Th>{t('auditLog.who')}</Th>
          <Th width={20}>{t('auditLog.action')}</Th>
          <Th width={30}>{t('auditLog.object')}</Th>
          <Th modifier="fitContent">{t('auditLog.address')}</Th>
          <Th modifier="fitContent">{t('auditLog.status')}</Th>
          <Th modifier="fitContent">{t('auditLog.outcome')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries.map((entry) => {
          const who = actorLabel(entry.actor, t);
          const typeName = entry.objectType ? objectTypeLabel(entry.objectType, t) : '';
          return (
            <Tr key={entry.id}>
              <Td dataLabel={t('auditLog.at')}>
                <DateTime instant={entry.at} />
              </Td>
              <Td dataLabel={t('auditLog.who')}>
                {entry.actor?.id ? (
                  <Button variant="link" isInline onClick={() => onActor(entry.actor.id)} aria-label={t('auditLog.onlyActorLabel', { name: who })}>
                    {who}
                  </Button>
                ) : (
                  who
                )}
              </Td>
              <Td dataLabel={t('auditLog.action')} modifier="wrap">
                <code>{entry.action}</code>
              </Td>
              <Td dataLabel={t('auditLog.object')} modifier="breakWord">
                {entry.objectType || entry.objectId ? (
                  <>
                    {typeName} {entry.objectId && <code className="garrison-object-id">{entry.objectId}</code>}
                    <div>
                      <Button
                        variant="link"
                        isInline
                        onClick={() => onObject(entry.objectType ?? '', entry.objectId ?? '')}
                        aria-label={t('auditLog.onlyObjectLabel', { type: typeName, id: entry.objectId ?? '' })}
                      >
                        {t('auditLog.onlyObject')}
                      </Button>
                      {entry.objectType && entry.objectId && mayHaveRevisions(entry.objectType) && (
                        <Link
                          className="garrison-space-before"
                          to={historyPathOf(entry.objectType, entry.objectId)}
                          aria-label={t('auditLog.revisionsOf', { type: typeName, id: entry.objectId })}
                        >
                          {t('auditLog.revisions')}
                        </Link>
                      )}
                    </div>
                  </>
                ) : (
                  '—'
                )}
              </Td>
              <Td dataLabel={t('auditLog.address')}>{entry.remoteAddress || '—'}</Td>
              <Td dataLabel={t('auditLog.status')}>{entry.status}</Td>
              <Td dataLabel={t('auditLog.outcome')}>
                <Label isCompact color={outcomeColour[entry.outcome as keyof typeof outcomeColour] ?? 'grey'}>
                  {(outcomes as readonly string[]).includes(entry.outcome) ? t(`auditLog.outcomes.${entry.outcome as (typeof outcomes)[number]}`) : entry.outcome}
                </Label>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}

/** The filter form: choices apply at once, typed text on Enter or "Apply". */
function AuditFilters({ view, onApply, accounts }: { view: AuditView; onApply: (change: Partial<AuditView>) => void; accounts: readonly { id: string; login: string }[] }) {
  const { t } = useTranslation();
  const [actor, setActor] = useState(view.actor);
  const [objectType, setObjectType] = useState(view.objectType);
  const [objectId, setObjectId] = useState(view.objectId);
  const [from, setFrom] = useState(localOfInstant(view.from));
  const [to, setTo] = useState(localOfInstant(view.to));

  // Back and forward in the browser change the URL: the typed fields follow it.
  useEffect(() => {
    setActor(view.actor);
    setObjectType(view.objectType);
    setObjectId(view.objectId);
    setFrom(localOfInstant(view.from));
    setTo(localOfInstant(view.to));
  }, [view]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ actor: actor.trim(), objectType: objectType.trim(), objectId: objectId.trim(), from: instantOfLocal(from), to: instantOfLocal(to) });
  };

  return (
    <Form onSubmit={submit} aria-label={t('auditLog.filters')} className="garrison-history-filters">
      <Split hasGutter isWrappable>
        <SplitItem>
          <FormGroup label={t('auditLog.range')} fieldId="audit-range">
            <FormSelect id="audit-range" value={view.range} onChange={(_event, value) => onApply({ range: timeRanges.find((range) => range === value) ?? 'all' })}>
              {timeRanges.map((range) => (
                <FormSelectOption key={range} value={range} label={t(`auditLog.ranges.${range}`)} />
              ))}
            </FormSelect>
          </FormGroup>
        </SplitItem>
        {view.range === 'custom' && (
          <>
            <SplitItem>
              <FormGroup label={t('auditLog.from')} fieldId="audit-from">
                <TextInput id="audit-from" type="datetime-local" value={from} onChange={(_event, value) => setFrom(value)} />
              </FormGroup>
            </SplitItem>
            <SplitItem>
              <FormGroup label={t('auditLog.to')} fieldId="audit-to">
                <TextInput id="audit-to" type="datetime-local" value={to} onChange={(_event, value) => setTo(value)} />
              </FormGroup>
            </SplitItem>
          </>
        )}
        <SplitItem>
          <FormGroup label={t('auditLog.outcome')} fieldId="audit-outcome">
            <FormSelect id="audit-outcome" value={view.outcome} onChange={(_event, value) => onApply({ outcome: value })}>
              <FormSelectOption value="" label={t('auditLog.anyOutcome')} />
              {outcomes.map((outcome) => (
                <FormSelectOption key={outcome} value={outcome} label={t(`auditLog.outcomes.${outcome}`)} />
              ))}
            </FormSelect>
          </FormGroup>
        </SplitItem>
        <SplitItem className="garrison-history-id">
          <FormGroup label={t('auditLog.actor')} fieldId="audit-actor">
            <TextInput id="audit-actor" value={actor} list="audit-known-actors" placeholder={t('auditLog.actorPlaceholder')} onChange={(_event, value) => setActor(value)} />
            <datalist id="audit-known-actors">
              {accounts.map((account) => (
                <option key={account.id} value={account.id} label={account.login} />
              ))}
            </datalist>
          </FormGroup>
        </SplitItem>
        <SplitItem>
          <FormGroup label={t('auditLog.objectType')} fieldId="audit-object-type">
            <TextInput id="audit-object-type" value={objectType} list="audit-known-types" onChange={(_event, value) => setObjectType(value)} />
            <datalist id="audit-known-types">
              {knownObjectTypes.map((type) => (
                <option key={type} value={type} label={objectTypeLabel(type, t)} />
              ))}
            </datalist>
          </FormGroup>
        </SplitItem>
        <SplitItem className="garrison-history-id">
          <FormGroup label={t('auditLog.objectId')} fieldId="audit-object-id">
            <TextInput id="audit-object-id" value={objectId} onChange={(_event, value) => setObjectId(value)} />
          </FormGroup>
        </SplitItem>
      </Split>
      <Split hasGutter>
        <SplitItem isFilled />
        <SplitItem>
          <Button type="submit" variant="primary">
            {t('auditLog.apply')}
          </Button>{' '}
          <Button variant="link" onClick={() => onApply({ range: 'all', from: '', to: '', actor: '', objectType: '', objectId: '', outcome: '' })}>
            {t('auditLog.clear')}
          </Button>
        </SplitItem>
      </Split>
    </Form>
  );
}
