import { holds, type Me } from '../api/session';

/** One stop of the training tour: what it explains, where it points, and who sees it. */
export interface TrainingStep {
  id: 'welcome' | 'navigation' | 'overview' | 'devices' | 'events' | 'groups' | 'auditLog' | 'history' | 'content' | 'account';
  /** CSS selector of the element the step points at; none for the welcome in the middle of the screen. */
  target?: string;
  /** Shown only to accounts holding this permission (the navigation entry is not there otherwise). */
  permission?: string;
}

const navEntry = (path: string) => `.pf-v6-c-page__sidebar a[href$="/${path}"]`;

/** The whole tour, in order. */
export const trainingSteps: readonly TrainingStep[] = [
  { id: 'welcome' },
  { id: 'navigation', target: '.pf-v6-c-page__sidebar' },
  { id: 'overview', target: navEntry('overview') },
  { id: 'devices', target: navEntry('devices'), permission: 'devices.read' },
  { id: 'events', target: navEntry('events'), permission: 'events.read' },
  { id: 'groups', target: navEntry('groups'), permission: 'groups.read' },
  { id: 'auditLog', target: navEntry('audit-log'), permission: 'audit.read' },
  { id: 'history', target: navEntry('history'), permission: 'audit.read' },
  { id: 'content', target: '#garrison-main' },
  { id: 'account', target: '[data-testid="user-menu"]' },
];

/** The steps this account sees. */
export function stepsFor(me: Me | undefined): TrainingStep[] {
  return trainingSteps.filter((step) => !step.permission || holds(me, step.permission));
}

export type TrainingStatus = 'new' | 'active' | 'paused' | 'done';

/** Where the account stands in the tour. */
export interface TrainingPosition {
  status: TrainingStatus;
  /** Index into the account's steps. */
  index: number;
}

/** The stored form (`me/settings.trainingProgress`): the step by id, so reordering the tour keeps people's place. */
export interface StoredProgress {
  version: 1;
  status: Exclude<TrainingStatus, 'new'>;
  step: TrainingStep['id'];
  updatedAt: string;
}

/**
 * The position stored progress stands for among `steps`. A step the account no longer sees (or one a newer tour
 * dropped) resumes at the start; anything unreadable counts as never started.
 */
export function positionOf(stored: unknown, steps: readonly TrainingStep[]): TrainingPosition {
  if (typeof stored !== 'object' || stored === null) {
    return { status: 'new', index: 0 };
  }
  const progress = stored as Partial<StoredProgress>;
  if (progress.version !== 1 || !['active', 'paused', 'done'].includes(progress.status ?? '')) {
    return { status: 'new', index: 0 };
  }
  const index = steps.findIndex((step) => step.id === progress.step);
  return { status: progress.status as TrainingStatus, index: Math.max(0, index) };
}

export function storedOf(position: TrainingPosition, steps: readonly TrainingStep[], now: Date = new Date()): StoredProgress {
  return {
    version: 1,
    status: position.status === 'new' ? 'paused' : position.status,
    step: steps[Math.min(position.index, steps.length - 1)]?.id ?? 'welcome',
    updatedAt: now.toISOString(),
  };
}
