import { Alert, CodeBlock, CodeBlockCode, List, ListItem } from '@patternfly/react-core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { knownObjectTypes, type Actor } from '../../api/history';
import { describeError } from '../../components/ApiErrorAlert';

type KnownType = (typeof knownObjectTypes)[number];
const actorKinds = ['ACCOUNT', 'API_TOKEN', 'AGENT', 'SYSTEM', 'ANONYMOUS'] as const;
type ActorKind = (typeof actorKinds)[number];

/** An object type in the admin's words ("Group"); a type the console does not know (a plugin's) as it is named. */
export function objectTypeLabel(type: string, t: TFunction): string {
  return (knownObjectTypes as readonly string[]).includes(type) ? t(`history.objectTypes.${type as KnownType}`) : type;
}

/** Who did it: the name recorded at the time and the kind of actor ("alice (account)"). */
export function actorLabel(actor: Actor | undefined, t: TFunction): string {
  if (!actor) {
    return '—';
  }
  const kind = (actorKinds as readonly string[]).includes(actor.kind) ? t(`history.actorKinds.${actor.kind as ActorKind}`) : actor.kind;
  return t('history.actorOf', { name: actor.name || actor.id || '—', kind });
}

/**
 * A refused call with everything the server said: its title and detail, and each field it named (a 422), so that
 * an admin sees why without opening the server log.
 */
export function ProblemAlert({ title, error, variant = 'danger' }: { title: string; error: unknown; variant?: 'danger' | 'warning' }) {
  const { t } = useTranslation();
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <Alert variant={variant} isInline isLiveRegion title={title}>
      <p>{describeError(error, t)}</p>
      {fields.length > 0 && (
        <List>
          {fields.map((field) => (
            <ListItem key={`${field.field}:${field.message}`}>{t('history.fieldError', { field: field.field, message: field.message })}</ListItem>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** An object's stored state, as indented JSON. */
export function SnapshotView({ snapshot, label }: { snapshot: unknown; label: string }) {
  return (
    <CodeBlock aria-label={label}>
      <CodeBlockCode data-testid="snapshot">{JSON.stringify(snapshot, null, 2)}</CodeBlockCode>
    </CodeBlock>
  );
}

/** The name an object had in a snapshot, if it had one. */
export function nameIn(snapshot: unknown): string | undefined {
  if (typeof snapshot === 'object' && snapshot !== null) {
    const record = snapshot as Record<string, unknown>;
    for (const key of ['name', 'login', 'title']) {
      if (typeof record[key] === 'string' && record[key]) {
        return record[key] as string;
      }
    }
  }
  return undefined;
}

/** The console address of one object's revision history, for links from other pages. */
export function historyPathOf(objectType: string, objectId: string): string {
  return `/history?${new URLSearchParams({ objectType, objectId }).toString()}`;
}
