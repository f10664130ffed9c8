import {
  hasDayThresholds,
  statusConditionTypes,
  type GroupDeviceSettings,
  type StatusCondition,
  type StatusConditionType,
} from '../../api/groups';

/** One line of the settings form: a condition type, whether it is on, and its thresholds as typed. */
export interface ConditionDraft {
  type: StatusConditionType;
  /** The group's settings name this condition (on or off); unnamed conditions are left out when saving. */
  stored: boolean;
  enabled: boolean;
  warning: string;
  critical: string;
  /** For conditions without days: the level they raise. */
  level: 'WARNING' | 'CRITICAL';
}

export interface SettingsDraft {
  inheritFromParent: boolean;
  forceOnChildren: boolean;
  conditions: ConditionDraft[];
  notifyAfterDays: string;
  removeAfterDays: string;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The form's view of stored settings: every condition type in a fixed order, stored or not. */
export function draftOf(settings: GroupDeviceSettings): SettingsDraft {
  return {
    inheritFromParent: settings.inheritFromParent,
    forceOnChildren: settings.forceOnChildren,
    conditions: statusConditionTypes.map((type) => {
      const condition = settings.statusConditions.find((candidate) => candidate.type === type);
      return {
        type,
        stored: condition !== undefined,
        enabled: condition?.enabled ?? false,
        warning: text(condition?.warningThreshold),
        critical: text(condition?.criticalThreshold),
        level: condition && condition.warningThreshold == null && condition.criticalThreshold != null ? 'CRITICAL' : 'WARNING',
      };
    }),
    notifyAfterDays: text(settings.inactivity?.notifyAfterDays),
    removeAfterDays: text(settings.inactivity?.removeAfterDays),
  };
}

/**
 * A typed number as the API wants it: empty means "never" (left out); anything else is sent as typed, so a bad
 * value reaches the server and comes back as a field error instead of being dropped silently.
 */
function numberOf(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function conditionOf(draft: ConditionDraft): StatusCondition {
  if (!hasDayThresholds(draft.type)) {
    return draft.level === 'CRITICAL'
      ? { type: draft.type, enabled: draft.enabled, criticalThreshold: 0 }
      : { type: draft.type, enabled: draft.enabled, warningThreshold: 0 };
  }
  const warning = numberOf(draft.warning);
  const critical = numberOf(draft.critical);
  return {
    type: draft.type,
    enabled: draft.enabled,
    ...(warning !== undefined ? { warningThreshold: warning } : {}),
    ...(critical !== undefined ? { criticalThreshold: critical } : {}),
  };
}

/** The settings to store: conditions switched on, and those stored before (kept, switched off). */
export function settingsOf(draft: SettingsDraft): GroupDeviceSettings {
  const notify = numberOf(draft.notifyAfterDays);
  const remove = numberOf(draft.removeAfterDays);
  return {
    inheritFromParent: draft.inheritFromParent,
    forceOnChildren: draft.forceOnChildren,
    statusConditions: draft.conditions.filter((condition) => condition.enabled || condition.stored).map(conditionOf),
    inactivity: {
      ...(notify !== undefined ? { notifyAfterDays: notify } : {}),
      ...(remove !== undefined ? { removeAfterDays: remove } : {}),
    },
  };
}

/**
 * Where a field error of the server (`statusConditions/0/warningThreshold`, `inactivity/notifyAfterDays`) belongs
 * in the form: the condition's type and field, or the inactivity field.
 */
export function fieldOfError(settings: GroupDeviceSettings, field: string): string {
  const condition = /^statusConditions\/(\d+)(?:\/(\w+))?/.exec(field);
  if (condition) {
    const type = settings.statusConditions[Number(condition[1])]?.type;
    return type ? `${type}${condition[2] ? `/${condition[2]}` : ''}` : field;
  }
  return field;
}
