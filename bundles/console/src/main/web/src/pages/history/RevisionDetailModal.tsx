import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Tab,
  Tabs,
  TabTitleText,
} from '@patternfly/react-core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRevision, findRevisionByNumber, type Revision } from '../../api/history';
import { useLoad } from '../../api/useLoad';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../i18n/format';
import { DiffTable } from './DiffTable';
import { actorLabel, nameIn, objectTypeLabel, ProblemAlert, SnapshotView } from './labels';
import { diffRows } from './revisionDiff';

export type RevisionView = 'changes' | 'snapshot';

/** What a revision and the one before it are: the revision itself, and its predecessor's snapshot when it has one. */
interface Loaded {
  revision: Revision;
  previous: { state: 'first' } | { state: 'found'; revision: Revision } | { state: 'missing' } | { state: 'failed'; error: unknown };
}

/**
 * One revision, loaded by id so the URL can point at it: what it changed (old → new, value by value, against the
 * previous revision's snapshot) and the whole object as it left it. Revisions already on screen are not asked for
 * again.
 */
export function RevisionDetailModal({
  revisionId,
  view,
  known,
  onView,
  onClose,
  onRestore,
}: {
  revisionId: string;
  view: RevisionView;
  known: readonly Revision[];
  onView: (view: RevisionView) => void;
  onClose: () => void;
  /** Offered when the caller may restore. */
  onRestore?: ((revision: Revision) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  // Only the revisions on screen at opening are looked in: a later reload of the list must not load this again.
  const knownAtOpening = useMemo(() => known, [revisionId]);
  const loaded = useLoad(
    useCallback(
      async (signal: AbortSignal): Promise<Loaded> => {
        const revision = knownAtOpening.find((candidate) => candidate.id === revisionId) ?? (await fetchRevision(revisionId, signal));
        if (revision.number <= 1) {
          return { revision, previous: { state: 'first' } };
        }
        const onScreen = knownAtOpening.find(
          (candidate) => candidate.objectId === revision.objectId && candidate.objectType === revision.objectType && candidate.number === revision.number - 1,
        );
        try {
          const previous = onScreen ?? (await findRevisionByNumber(revision.objectType, revision.objectId, revision.number - 1, signal));
          return { revision, previous: previous ? { state: 'found', revision: previous } : { state: 'missing' } };
        } catch (error) {
          if (signal.aborted) {
            throw error;
          }
          // The new values alone are still worth showing.
          return { revision, previous: { state: 'failed', error } };
        }
      },
      [revisionId, knownAtOpening],
    ),
  );
  const data = loaded.data?.revision.id === revisionId ? loaded.data : undefined;
  const revision = data?.revision;

  const rows = useMemo(() => {
    if (!data) {
      return [];
    }
    const state = data.previous.state;
    return diffRows(data.revision.changes ?? [], state === 'found' ? data.previous.revision.snapshot : undefined, state === 'found' || state === 'first');
  }, [data]);

  const title = revision
    ? t('history.detailTitle', { number: revision.number, type: objectTypeLabel(revision.objectType, t), name: nameIn(revision.snapshot) ?? revision.objectId })
    : undefined;

  return (
    <Modal isOpen variant="large" onClose={onClose} aria-labelledby="revision-detail-title">
      <ModalHeader
        title={title ?? t('history.detailLoading')}
        labelId="revision-detail-title"
      />
      <ModalBody>
        {loaded.error !== undefined && !data && <ProblemAlert title={t('history.detailFailed')} error={loaded.error} />}
        {loaded.error === undefined && !data && <PageLoading label={t('history.detailLoading')} />}
        {data && revision && (
          <>
            <DescriptionList isHorizontal isCompact className="garrison-space-below">
              <DescriptionListGroup>
                <DescriptionListTerm>{t('history.object')}</DescriptionListTerm>
                <DescriptionListDescription>
                  {objectTypeLabel(revision.objectType, t)} <code>{revision.objectId}</code>
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('history.at')}</DescriptionListTerm>
                <DescriptionListDescription>
                  <time dateTime={revision.at}>{formatDateTime(revision.at, i18n.language)}</time>
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('history.actor')}</DescriptionListTerm>
                <DescriptionListDescription>{actorLabel(revision.actor, t)}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('history.action')}</DescriptionListTerm>
                <DescriptionListDescription>{revision.action}</DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
            <Tabs activeKey={view} onSelect={(_event, key) => onView(key === 'snapshot' ? 'snapshot' : 'changes')} aria-label={title}>
              <Tab eventKey="changes" title={<TabTitleText>{t('history.changes')}</TabTitleText>}>
                <div className="garrison-space-before">
                  {data.previous.state === 'first' && <p className="garrison-space-below">{t('history.firstRevision')}</p>}
                  {data.previous.state === 'missing' && <p className="garrison-space-below">{t('history.previousMissing')}</p>}
                  {data.previous.state === 'failed' && (
                    <div className="garrison-space-below">
                      <ProblemAlert variant="warning" title={t('history.previousFailed')} error={data.previous.error} />
                    </div>
                  )}
                  <DiffTable rows={rows} label={t('history.diffLabel', { number: revision.number })} />
                </div>
              </Tab>
              <Tab eventKey="snapshot" title={<TabTitleText>{t('history.snapshot')}</TabTitleText>}>
                <div className="garrison-space-before">
                  <SnapshotView snapshot={revision.snapshot} label={t('history.snapshotLabel', { number: revision.number })} />
                </div>
              </Tab>
            </Tabs>
          </>
        )}
      </ModalBody>
      <ModalFooter>
        {revision && onRestore && (
          <Button variant="primary" onClick={() => onRestore(revision)}>
            {t('history.restore')}
          </Button>
        )}
        <Button variant="link" onClick={onClose}>
          {t('common.close')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
