import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  Split,
  SplitItem,
  Title,
} from '@patternfly/react-core';
import ArrowDownIcon from '@patternfly/react-icons/dist/esm/icons/arrow-down-icon';
import ArrowUpIcon from '@patternfly/react-icons/dist/esm/icons/arrow-up-icon';
import TimesIcon from '@patternfly/react-icons/dist/esm/icons/times-icon';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchApplicationSummaries, type ApplicationSummaries } from '../../api/deviceApplications';
import { collectEvents, type RecentEvents } from '../../api/fleet';
import { holds } from '../../api/session';
import { usePolling, type PolledState } from '../../api/usePolling';
import { describeError } from '../../components/ApiErrorAlert';
import { useMe, useSession } from '../../session/SessionContext';
import { addWidget, layoutOf, moveWidget, removeWidget, storedLayoutOf, widgetIds, widgetPermissions, type WidgetId } from './layout';
import {
  DeviceStatusWidget,
  EventsBySeverityWidget,
  eventWindowHours,
  licenceExpiringDays,
  LicenceUsageWidget,
  maxEventsCounted,
  NotSeenWidget,
  ProtectionStatusWidget,
  refreshMillis,
  TopEventTypesWidget,
} from './widgets';
import './dashboard.css';
import { Hint } from '../groups/Hint';

const eventWidgets: ReadonlySet<WidgetId> = new Set(['events-by-severity', 'top-event-types']);
const applicationWidgets: ReadonlySet<WidgetId> = new Set(['protection-status', 'licence-usage']);

function loadRecentEvents(signal: AbortSignal): Promise<RecentEvents> {
  return collectEvents({ from: new Date(Date.now() - eventWindowHours * 3_600_000).toISOString() }, maxEventsCounted, signal);
}

/** Nothing to load: the dashboard shows no event widget. */
function loadNoEvents(): Promise<RecentEvents> {
  return Promise.resolve({ events: [], complete: true });
}

function loadApplications(signal: AbortSignal): Promise<ApplicationSummaries> {
  return fetchApplicationSummaries(licenceExpiringDays, signal);
}

/** Nothing to load: the dashboard shows no application widget (`null`, so an added one waits for its data). */
function loadNoApplications(): Promise<ApplicationSummaries | null> {
  return Promise.resolve(null);
}

/**
 * The account's own monitoring widgets below the server health: added, removed and reordered in place, the layout
 * kept in the account's settings (`dashboardLayout`) so it follows the person to every browser. Widgets whose data
 * the account may not read are neither shown nor offered.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const { state, updateSettings } = useSession();
  const me = useMe();
  const [widgets, setWidgets] = useState<WidgetId[]>(() => layoutOf(state.status === 'signed-in' ? state.settings?.dashboardLayout : undefined));
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const mayShow = (widget: WidgetId) => holds(me, widgetPermissions[widget]);
  const shown = widgets.filter(mayShow);
  const addable = widgetIds.filter((widget) => mayShow(widget) && !widgets.includes(widget));
  const [toAdd, setToAdd] = useState<WidgetId | ''>('');
  const recent = usePolling(shown.some((widget) => eventWidgets.has(widget)) ? loadRecentEvents : loadNoEvents, refreshMillis);
  const polledApplications = usePolling<ApplicationSummaries | null>(
    shown.some((widget) => applicationWidgets.has(widget)) ? loadApplications : loadNoApplications,
    refreshMillis,
  );
  const applications: PolledState<ApplicationSummaries> = { ...polledApplications, data: polledApplications.data ?? undefined };

  const save = async (next: WidgetId[]) => {
    const previous = widgets;
    setWidgets(next);
    setFailure(undefined);
    try {
      await updateSettings({ dashboardLayout: storedLayoutOf(next) });
    } catch (error) {
      setWidgets(previous);
      setFailure(describeError(error, t));
    }
  };

  const add = () => {
    const widget = toAdd || addable[0];
    if (widget) {
      setToAdd('');
      void save(addWidget(widgets, widget));
    }
  };

  return (
    <section aria-labelledby="dashboard-title" data-testid="dashboard">
      <Split hasGutter className="garrison-space-below">
        <SplitItem isFilled>
          <Title headingLevel="h2" id="dashboard-title">
            {t('dashboard.title')}
          </Title>
        </SplitItem>
        {editing && addable.length > 0 && (
          <SplitItem>
            <Split hasGutter>
              <SplitItem>
                <FormSelect
                  id="dashboard-add-widget"
                  aria-label={t('dashboard.widgetToAdd')}
                  value={toAdd || addable[0]}
                  onChange={(_event, value) => setToAdd(widgetIds.find((widget) => widget === value) ?? '')}
                >
                  {addable.map((widget) => (
                    <FormSelectOption key={widget} value={widget} label={t(`dashboard.widgets.${widget}`)} />
                  ))}
                </FormSelect>
              </SplitItem>
              <SplitItem>
                <Button variant="secondary" onClick={add}>
                  {t('dashboard.addWidget')}
                </Button>
              </SplitItem>
            </Split>
          </SplitItem>
        )}
        <SplitItem>
          <Button variant={editing ? 'primary' : 'secondary'} onClick={() => setEditing(!editing)} aria-pressed={editing}>
            {editing ? t('dashboard.doneCustomising') : t('dashboard.customise')}
          </Button>
        </SplitItem>
      </Split>
      {failure && (
        <Alert variant="danger" isInline isLiveRegion title={t('dashboard.saveFailed')} className="garrison-space-below">
          {failure}
        </Alert>
      )}
      {shown.length === 0 ? (
        <Hint>{addable.length > 0 ? t('dashboard.emptyWithChoices') : t('dashboard.emptyNoChoices')}</Hint>
      ) : (
        <Grid hasGutter>
          {shown.map((widget, position) => (
            <GridItem key={widget} xl={6}>
              <WidgetCard
                widget={widget}
                editing={editing}
                first={position === 0}
                last={position === shown.length - 1}
                onMove={(step) => void save(moveWidget(widgets, widget, step))}
                onRemove={() => void save(removeWidget(widgets, widget))}
              >
                {widgetContent(widget, recent, applications)}
              </WidgetCard>
            </GridItem>
          ))}
        </Grid>
      )}
    </section>
  );
}

function widgetContent(widget: WidgetId, recent: PolledState<RecentEvents>, applications: PolledState<ApplicationSummaries>): ReactNode {
  switch (widget) {
    case 'device-status':
      return <DeviceStatusWidget />;
    case 'not-seen':
      return <NotSeenWidget />;
    case 'events-by-severity':
      return <EventsBySeverityWidget recent={recent} />;
    case 'top-event-types':
      return <TopEventTypesWidget recent={recent} />;
    case 'protection-status':
      return <ProtectionStatusWidget applications={applications} />;
    case 'licence-usage':
      return <LicenceUsageWidget applications={applications} />;
  }
}

function WidgetCard({
  widget,
  editing,
  first,
  last,
  onMove,
  onRemove,
  children,
}: {
  widget: WidgetId;
  editing: boolean;
  first: boolean;
  last: boolean;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const name = t(`dashboard.widgets.${widget}`);
  const actions = editing ? (
    <>
      <Button variant="plain" icon={<ArrowUpIcon />} aria-label={t('dashboard.moveEarlier', { widget: name })} isDisabled={first} onClick={() => onMove(-1)} />
      <Button variant="plain" icon={<ArrowDownIcon />} aria-label={t('dashboard.moveLater', { widget: name })} isDisabled={last} onClick={() => onMove(1)} />
      <Button variant="plain" icon={<TimesIcon />} aria-label={t('dashboard.removeWidget', { widget: name })} onClick={onRemove} />
    </>
  ) : undefined;
  return (
    <Card isFullHeight data-testid={`dashboard-widget-${widget}`}>
      <CardHeader {...(actions ? { actions: { actions, hasNoOffset: true } } : {})}>
        <CardTitle component="h3">{name}</CardTitle>
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}
