import {
  Alert,
  Button,
  NotificationBadge,
  NotificationDrawer,
  NotificationDrawerBody,
  NotificationDrawerHeader,
  NotificationDrawerList,
  NotificationDrawerListItem,
  NotificationDrawerListItemBody,
  NotificationDrawerListItemHeader,
  EmptyState,
  EmptyStateBody,
} from '@patternfly/react-core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listEvents, type GarrisonEvent } from '../api/events';
import { holds } from '../api/session';
import { usePolling } from '../api/usePolling';
import { formatDateTime } from '../i18n/format';
import { useMe, useSession } from '../session/SessionContext';
import { describeError } from './ApiErrorAlert';
import { isRead, readStateOf, withAllRead, withRead } from './notificationReadState';
import './NotificationsDrawer.css';

/** How many of the latest critical events and warnings the drawer shows. */
export const notificationCount = 20;
const pollIntervalMs = 60_000;

const loadNotifications = (signal: AbortSignal) =>
  listEvents({ severity: ['critical', 'warning'] }, { limit: notificationCount }, signal).then((page) => page.items);

/**
 * The masthead's bell: the latest critical events and warnings the account may read (the server limits the events
 * to its scope), newest first, with the unread count on the bell. Marking one or all read is kept in the account's
 * settings (`notificationsRead`), so it follows the account to other browsers. Shown only with `events.read`.
 */
export function NotificationsDrawer() {
  const me = useMe();
  return holds(me, 'events.read') ? <Notifications /> : null;
}

function Notifications() {
  const { t, i18n } = useTranslation();
  const { state, updateSettings } = useSession();
  const polled = usePolling(loadNotifications, pollIntervalMs);
  const events = useMemo(() => polled.data ?? [], [polled.data]);
  const settings = state.status === 'signed-in' ? state.settings : undefined;
  // What was marked here but not saved yet (or could not be saved) counts at once.
  const [pending, setPending] = useState<string[] | undefined>();
  const readState = useMemo(() => readStateOf(pending ?? settings?.notificationsRead), [pending, settings]);
  const [open, setOpen] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const bell = useRef<HTMLSpanElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const unread = events.filter((event) => !isRead(event, readState));
  const attention = unread.some((event) => event.severity === 'critical');

  const close = useCallback(() => {
    setOpen(false);
    bell.current?.querySelector('button')?.focus();
  }, []);

  // Open, the drawer takes the focus; Escape anywhere (even after the focused "Mark read" went away) and a click
  // outside close it, as PatternFly's own drawer does.
  useEffect(() => {
    if (!open) {
      return;
    }
    panel.current?.focus();
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('[aria-modal="true"]')) {
        close();
      }
    };
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !bell.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onPointer);
    };
  }, [open, close]);

  const save = async (notificationsRead: string[]) => {
    setPending(notificationsRead);
    setSaveError(undefined);
    try {
      // Without the stored settings a save would overwrite them with defaults: keep the change for this session only.
      if (settings) {
        await updateSettings({ notificationsRead });
        setPending(undefined);
      }
    } catch (error) {
      setSaveError(error);
    }
  };

  return (
    <>
      <span ref={bell}>
        <NotificationBadge
          variant={unread.length === 0 ? 'read' : attention ? 'attention' : 'unread'}
          count={unread.length}
          isExpanded={open}
          onClick={() => (open ? close() : setOpen(true))}
          aria-label={unread.length > 0 ? t('notifications.openUnread', { count: unread.length }) : t('notifications.open')}
          aria-controls="garrison-notifications"
          data-testid="notifications-bell"
        />
      </span>
      {open && (
        <div
          id="garrison-notifications"
          className="garrison-notifications"
          role="dialog"
          aria-label={t('notifications.title')}
          tabIndex={-1}
          ref={panel}
        >
          <NotificationDrawer>
            <NotificationDrawerHeader
              title={t('notifications.title')}
              customText={t('notifications.unread', { count: unread.length })}
              onClose={close}
              closeButtonAriaLabel={t('notifications.close')}
            >
              <Button variant="link" isInline isDisabled={unread.length === 0} onClick={() => void save(withAllRead(readState, events))}>
                {t('notifications.markAllRead')}
              </Button>
            </NotificationDrawerHeader>
            <NotificationDrawerBody>
              {saveError !== undefined && (
                <Alert variant="warning" isInline isPlain title={t('notifications.saveFailed')} className="garrison-notifications-alert">
                  {describeError(saveError, t)}
                </Alert>
              )}
              {polled.error !== undefined && (
                <Alert variant="danger" isInline isPlain title={t('notifications.loadFailed')} className="garrison-notifications-alert">
                  {describeError(polled.error, t)}
                </Alert>
              )}
              {polled.data && events.length === 0 && (
                <EmptyState headingLevel="h3" titleText={t('notifications.empty')} variant="xs">
                  <EmptyStateBody>
                    <Link to="/events" onClick={close}>
                      {t('notifications.allEvents')}
                    </Link>
                  </EmptyStateBody>
                </EmptyState>
              )}
              {events.length > 0 && (
                <NotificationDrawerList aria-label={t('notifications.title')}>
                  {events.map((event) => (
                    <NotificationItem
                      key={event.id}
                      event={event}
                      read={isRead(event, readState)}
                      language={i18n.language}
                      onRead={() => {
                        // The item's "Mark read" goes away: keep the focus in the drawer.
                        panel.current?.focus();
                        void save(withRead(readState, event.id, events));
                      }}
                      onOpen={close}
                    />
                  ))}
                </NotificationDrawerList>
              )}
            </NotificationDrawerBody>
          </NotificationDrawer>
        </div>
      )}
    </>
  );
}

function NotificationItem({
  event,
  read,
  language,
  onRead,
  onOpen,
}: {
  event: GarrisonEvent;
  read: boolean;
  language: string;
  onRead: () => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const variant = event.severity === 'critical' ? 'danger' : 'warning';
  const severity = event.severity === 'critical' ? t('notifications.critical') : t('notifications.warning');
  const description = event.description ?? event.type;
  return (
    <NotificationDrawerListItem
      variant={variant}
      isRead={read}
      tabIndex={-1}
      isHoverable={false}
      data-testid={`notification-${event.id}`}
      readStateScreenReaderText={read ? undefined : t('notifications.unread', { count: 1 })}
    >
      <NotificationDrawerListItemHeader variant={variant} title={description} srTitle={severity} headingLevel="h3">
        {!read && (
          <Button variant="link" isInline onClick={onRead} aria-label={t('notifications.markReadOf', { description })}>
            {t('notifications.markRead')}
          </Button>
        )}
      </NotificationDrawerListItemHeader>
      <NotificationDrawerListItemBody timestamp={<time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time>}>
        <span>
          {event.source} · {event.type}
        </span>{' '}
        <Link to={`/events?${new URLSearchParams({ range: 'all', event: event.id }).toString()}`} onClick={onOpen}>
          {t('notifications.openEvent')}
        </Link>
      </NotificationDrawerListItemBody>
    </NotificationDrawerListItem>
  );
}
