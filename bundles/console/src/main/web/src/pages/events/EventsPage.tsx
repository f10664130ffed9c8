import {
  Button,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  PageSection,
  Split,
  SplitItem,
  Stack,
  StackItem,
  Switch,
  TextInput,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import SyncAltIcon from '@patternfly/react-icons/dist/esm/icons/sync-alt-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { eventExportUrl, listEvents, listEventTypes, severities, type GarrisonEvent } from '../../api/events';
import { groupChoices, listGroups } from '../../api/groups';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DateTime } from '../../components/DateTime';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { CursorPager, useCursorPages } from './CursorPager';
import { EventDetailModal } from './EventDetailModal';
import { filterOf, instantOfLocal, localOfInstant, mergeNewer, paramsOf, timeRanges, viewOf, type FilterView } from './eventFilter';
import { SeverityLabel } from './SeverityLabel';
import './events.css';
import { Hint } from '../groups/Hint';

const pageSizes = [50, 100, 200];
const liveIntervalMs = 5000;
/** While live, the list grows with new events up to this many rows. */
const liveMaxRows = 500;

/**
 * The events of the devices and the server: filters kept in the URL (so a filtered view can be linked), paging by
 * cursor, a live tail that polls for new events and highlights them, the CSV export of the same filters, and the
 * details of an event with its payload.
 */
export default function EventsPage() {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  // The filters alone (not the event shown in detail), so opening an event does not load the list again.
  const viewKey = paramsOf(viewOf(searchParams)).toString();
  const view = useMemo(() => viewOf(new URLSearchParams(viewKey)), [viewKey]);
  const [pageSize, setPageSize] = useState(pageSizes[0]!);
  const { cursor, pageNumber, next, previous, reset } = useCursorPages();
  // A new filter starts again at the first page, with a relative time range counted from now (adjusted while
  // rendering, so the old filter is never loaded once more).
  const [loaded, setLoaded] = useState(() => ({ viewKey, at: new Date() }));
  if (loaded.viewKey !== viewKey) {
    setLoaded({ viewKey, at: new Date() });
    reset();
  }
  const filter = useMemo(() => filterOf(view, loaded.at), [view, loaded]);
  const [live, setLive] = useState(false);
  const [shown, setShown] = useState<GarrisonEvent[] | undefined>();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [liveError, setLiveError] = useState<unknown>();
  const groups = useLoad(listGroups);
  const types = useLoad(listEventTypes);
  const choices = useMemo(() => (groups.data ? groupChoices(groups.data) : []), [groups.data]);
  const groupPath = (id: string) => choices.find((choice) => choice.id === id)?.path ?? id;

  const page = useLoad(
    useCallback((signal: AbortSignal) => listEvents(filter, { limit: pageSize, ...(cursor ? { cursor } : {}) }, signal), [filter, pageSize, cursor]),
  );
  useEffect(() => {
    if (page.data) {
      setShown(page.data.items);
      setFresh(new Set());
    }
  }, [page.data]);

  // The live tail polls the first page of the same filters (a relative range moves with the clock).
  const viewRef = useRef(view);
  viewRef.current = view;
  const shownRef = useRef(shown);
  shownRef.current = shown;
  useEffect(() => {
    if (!live || cursor) {
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const latest = await listEvents(filterOf(viewRef.current, new Date()), { limit: pageSize }, controller.signal);
        setLiveError(undefined);
        const merged = mergeNewer(shownRef.current ?? [], latest.items, liveMaxRows);
        shownRef.current = merged.events;
        setShown(merged.events);
        setFresh(new Set(merged.added));
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        setLiveError(error);
      }
      timer = setTimeout(() => void poll(), liveIntervalMs);
    };
    timer = setTimeout(() => void poll(), liveIntervalMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [live, cursor, viewKey, pageSize]);

  const detailId = searchParams.get('event');
  const openDetail = (id: string | undefined) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (id) {
        next.set('event', id);
      } else {
        next.delete('event');
      }
      return next;
    });

  const apply = (change: Partial<FilterView>) => {
    const next = paramsOf({ ...view, ...change });
    if (detailId) {
      next.set('event', detailId);
    }
    setSearchParams(next);
  };

  const refresh = () => {
    reset();
    setLoaded({ viewKey, at: new Date() });
  };

  let content;
  if (shown && shown.length === 0 && page.data) {
    content = (
      <EmptyState titleText={t('events.emptyTitle')} headingLevel="h2">
        <EmptyStateBody>{t('events.emptyBody')}</EmptyStateBody>
      </EmptyState>
    );
  } else if (shown) {
    content = (
      <Table aria-label={t('events.tableLabel')} variant="compact" data-testid="events-table">
        <Thead>
          <Tr>
            <Th>{t('events.occurredAt')}</Th>
            <Th modifier="fitContent">{t('events.severity')}</Th>
            <Th>{t('events.source')}</Th>
            <Th>{t('events.type')}</Th>
            <Th>{t('events.description')}</Th>
            <Th modifier="nowrap">{t('events.device')}</Th>
            <Th>{t('events.group')}</Th>
            <Th screenReaderText={t('common.actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((event) => (
            <Tr key={event.id} className={fresh.has(event.id) ? 'garrison-new-row' : undefined} data-new={fresh.has(event.id) || undefined}>
              <Td dataLabel={t('events.occurredAt')}>
                <DateTime instant={event.occurredAt} />
              </Td>
              <Td dataLabel={t('events.severity')}>
                <SeverityLabel severity={event.severity} />
              </Td>
              <Td dataLabel={t('events.source')} modifier="breakWord">{event.source}</Td>
              <Td dataLabel={t('events.type')} modifier="breakWord">{event.type}</Td>
              <Td dataLabel={t('events.description')} modifier="wrap">
                {event.description ?? '—'}
              </Td>
              <Td dataLabel={t('events.device')} modifier="nowrap">
                {event.deviceId ? <Link to={`/devices/${event.deviceId}`}>{t('events.openDevice')}</Link> : t('events.server')}
              </Td>
              <Td dataLabel={t('events.group')} modifier="breakWord">{event.groupId ? groupPath(event.groupId) : '—'}</Td>
              <Td isActionCell>
                <Button variant="link" isInline onClick={() => openDetail(event.id)} aria-label={t('events.detailsOf', { type: event.type, time: formatDateTime(event.occurredAt, i18n.language) })}>
                  {t('events.details')}
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  } else if (page.error !== undefined) {
    content = undefined;
  } else {
    content = <PageLoading label={t('events.loading')} />;
  }

  const hasNext = Boolean(page.data?.nextCursor);
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('events.title')}</Title>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <EventFilters view={view} onApply={apply} groups={choices} knownTypes={types.data?.map((type) => type.type) ?? []} />
          </StackItem>
          <StackItem>
            <Toolbar>
              <ToolbarContent>
                <ToolbarGroup>
                  <ToolbarItem>
                    <Switch
                      id="events-live"
                      label={t('events.live')}
                      isChecked={live && !cursor}
                      isDisabled={Boolean(cursor)}
                      onChange={(_event, checked) => {
                        setLive(checked);
                        setLiveError(undefined);
                      }}
                    />
                  </ToolbarItem>
                  <ToolbarItem>
                    <Button variant="secondary" icon={<SyncAltIcon />} onClick={refresh}>
                      {t('events.refresh')}
                    </Button>
                  </ToolbarItem>
                  <ToolbarItem>
                    <Button variant="secondary" component="a" href={eventExportUrl(filter)} download="events.csv" icon={<DownloadIcon />}>
                      {t('events.export')}
                    </Button>
                  </ToolbarItem>
                </ToolbarGroup>
                <ToolbarGroup align={{ default: 'alignEnd' }}>
                  <ToolbarItem>
                    <FormSelect
                      id="events-page-size"
                      aria-label={t('events.perPage')}
                      value={String(pageSize)}
                      onChange={(_event, value) => {
                        setPageSize(Number(value));
                        reset();
                      }}
                    >
                      {pageSizes.map((size) => (
                        <FormSelectOption key={size} value={String(size)} label={t('events.perPageOption', { count: size })} />
                      ))}
                    </FormSelect>
                  </ToolbarItem>
                  <ToolbarItem>
                    <CursorPager
                      label={t('events.paging')}
                      pageLabel={t('events.pageOf', { page: pageNumber })}
                      previousLabel={t('events.newerPage')}
                      nextLabel={t('events.olderPage')}
                      hasPrevious={pageNumber > 1}
                      hasNext={hasNext}
                      onPrevious={previous}
                      onNext={() => next(page.data?.nextCursor)}
                    />
                  </ToolbarItem>
                </ToolbarGroup>
              </ToolbarContent>
            </Toolbar>
            {live && !cursor && <Hint live>{t('events.liveHint', { seconds: liveIntervalMs / 1000 })}</Hint>}
          </StackItem>
          {liveError !== undefined && (
            <StackItem>
              <ApiErrorAlert variant="warning" title={t('events.liveFailed')} error={liveError} />
            </StackItem>
          )}
          {page.error !== undefined && (
            <StackItem>
              <ApiErrorAlert variant="danger" title={t('events.loadFailed')} error={page.error} />
            </StackItem>
          )}
          <StackItem>{content}</StackItem>
        </Stack>
      </PageSection>
      {detailId && <EventDetailModal eventId={detailId} groupPath={groupPath} onClose={() => openDetail(undefined)} />}
    </>
  );
}

/** The filter form: choices apply at once, typed text on Enter or "Apply". */
function EventFilters({
  view,
  onApply,
  groups,
  knownTypes,
}: {
  view: FilterView;
  onApply: (change: Partial<FilterView>) => void;
  groups: readonly { id: string; path: string }[];
  knownTypes: readonly string[];
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(view.q);
  const [type, setType] = useState(view.type.join(', '));
  const [source, setSource] = useState(view.source.join(', '));
  const [device, setDevice] = useState(view.device);
  const [from, setFrom] = useState(localOfInstant(view.from));
  const [to, setTo] = useState(localOfInstant(view.to));

  // Back and forward in the browser change the URL: the typed fields follow it.
  useEffect(() => {
    setQ(view.q);
    setType(view.type.join(', '));
    setSource(view.source.join(', '));
    setDevice(view.device);
    setFrom(localOfInstant(view.from));
    setTo(localOfInstant(view.to));
  }, [view]);

  const list = (value: string) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ q: q.trim(), type: list(type), source: list(source), device: device.trim(), from: instantOfLocal(from), to: instantOfLocal(to) });
  };

  return (
    <Form onSubmit={submit} aria-label={t('events.filters')} className="garrison-event-filters">
      <Split hasGutter isWrappable>
        <SplitItem>
          <FormGroup label={t('events.text')} fieldId="events-q">
            <TextInput id="events-q" type="search" placeholder={t('events.textPlaceholder')} value={q} onChange={(_event, value) => setQ(value)} />
          </FormGroup>
        </SplitItem>
        <SplitItem>
          <FormGroup label={t('events.range')} fieldId="events-range">
            <FormSelect id="events-range" value={view.range} onChange={(_event, value) => onApply({ range: timeRanges.find((range) => range === value) ?? '24h' })}>
              {timeRanges.map((range) => (
                <FormSelectOption key={range} value={range} label={t(`events.ranges.${range}`)} />
              ))}
            </FormSelect>
          </FormGroup>
        </SplitItem>
        {view.range === 'custom' && (
          <>
            <SplitItem>
              <FormGroup label={t('events.from')} fieldId="events-from">
                <TextInput id="events-from" type="datetime-local" value={from} onChange={(_event, value) => setFrom(value)} />
              </FormGroup>
            </SplitItem>
            <SplitItem>
              <FormGroup label={t('events.to')} fieldId="events-to">
                <TextInput id="events-to" type="datetime-local" value={to} onChange={(_event, value) => setTo(value)} />
              </FormGroup>
            </SplitItem>
          </>
        )}
        <SplitItem>
          <FormGroup label={t('events.groupFilter')} fieldId="events-group">
            <FormSelect id="events-group" value={view.group} onChange={(_event, value) => onApply({ group: value })}>
              <FormSelectOption value="" label={t('events.anyGroup')} />
              {groups.map((group) => (
                <FormSelectOption key={group.id} value={group.id} label={group.path} />
              ))}
            </FormSelect>
          </FormGroup>
        </SplitItem>
        <SplitItem>
          <FormGroup label={t('events.type')} fieldId="events-type">
            <TextInput id="events-type" value={type} list="events-known-types" placeholder={t('events.listPlaceholder')} onChange={(_event, value) => setType(value)} />
            <datalist id="events-known-types">
              {knownTypes.map((known) => (
                <option key={known} value={known} />
              ))}
            </datalist>
          </FormGroup>
        </SplitItem>
        <SplitItem>
          <FormGroup label={t('events.source')} fieldId="events-source">
            <TextInput id="events-source" value={source} placeholder={t('events.sourcePlaceholder')} onChange={(_event, value) => setSource(value)} />
          </FormGroup>
        </SplitItem>
        <SplitItem>
          <FormGroup label={t('events.deviceId')} fieldId="events-device">
            <TextInput id="events-device" value={device} onChange={(_event, value) => setDevice(value)} />
          </FormGroup>
        </SplitItem>
      </Split>
      <Split hasGutter isWrappable>
        <SplitItem>
          <FormGroup role="group" label={t('events.severity')} fieldId="events-severity">
            <ToggleGroup aria-label={t('events.severity')}>
              {severities.map((severity) => (
                <ToggleGroupItem
                  key={severity}
                  text={t(`events.severities.${severity}`)}
                  buttonId={`events-severity-${severity}`}
                  isSelected={view.severity.includes(severity)}
                  onChange={(_event, selected) =>
                    onApply({ severity: selected ? [...view.severity, severity] : view.severity.filter((other) => other !== severity) })
                  }
                />
              ))}
            </ToggleGroup>
          </FormGroup>
        </SplitItem>
        <SplitItem isFilled />
        <SplitItem>
          <Button type="submit" variant="primary">
            {t('events.apply')}
          </Button>{' '}
          <Button
            variant="link"
            onClick={() => onApply({ range: '24h', from: '', to: '', group: '', device: '', severity: [], type: [], source: [], q: '' })}
          >
            {t('events.clear')}
          </Button>
        </SplitItem>
      </Split>
    </Form>
  );
}
