import type { OsType } from '../../api/devices';
import type { MovingRuleConditions, MovingRuleDraft, MovingRuleMode } from '../../api/movingRules';

/** The rule form as typed: lists as comma-separated text, the virtual-machine condition as a three-way choice. */
export interface RuleForm {
  name: string;
  enabled: boolean;
  targetGroupId: string;
  mode: MovingRuleMode;
  unassignedOnly: boolean;
  tags: string;
  dnsNamePattern: string;
  dnsDomainPattern: string;
  ipv4Ranges: string;
  osTypes: OsType[];
  osVersionPattern: string;
  osArchitecture: string;
  virtualMachine: 'any' | 'yes' | 'no';
  applicationInstalled: string;
}

const list = (value: string) =>
  value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

export function emptyRuleForm(targetGroupId: string): RuleForm {
  return {
    name: '',
    enabled: true,
    targetGroupId,
    mode: 'ONCE',
    unassignedOnly: true,
    tags: '',
    dnsNamePattern: '',
    dnsDomainPattern: '',
    ipv4Ranges: '',
    osTypes: [],
    osVersionPattern: '',
    osArchitecture: '',
    virtualMachine: 'any',
    applicationInstalled: '',
  };
}

export function ruleFormOf(rule: MovingRuleDraft): RuleForm {
  const conditions = rule.conditions ?? {};
  return {
    name: rule.name,
    enabled: rule.enabled,
    targetGroupId: rule.targetGroupId,
    mode: rule.mode,
    unassignedOnly: rule.unassignedOnly,
    tags: (conditions.tags ?? []).join(', '),
    dnsNamePattern: conditions.dnsNamePattern ?? '',
    dnsDomainPattern: conditions.dnsDomainPattern ?? '',
    ipv4Ranges: (conditions.ipv4Ranges ?? []).join(', '),
    osTypes: [...(conditions.osTypes ?? [])],
    osVersionPattern: conditions.osVersionPattern ?? '',
    osArchitecture: conditions.osArchitecture ?? '',
    virtualMachine: conditions.virtualMachine === true ? 'yes' : conditions.virtualMachine === false ? 'no' : 'any',
    applicationInstalled: conditions.applicationInstalled ?? '',
  };
}

/** The rule to send: only the conditions filled in, so the server checks exactly what the admin asked for. */
export function ruleOf(form: RuleForm): MovingRuleDraft {
  const conditions: MovingRuleConditions = {};
  const tags = list(form.tags);
  const ranges = list(form.ipv4Ranges);
  if (tags.length > 0) conditions.tags = tags;
  if (form.dnsNamePattern.trim()) conditions.dnsNamePattern = form.dnsNamePattern.trim();
  if (form.dnsDomainPattern.trim()) conditions.dnsDomainPattern = form.dnsDomainPattern.trim();
  if (ranges.length > 0) conditions.ipv4Ranges = ranges;
  if (form.osTypes.length > 0) conditions.osTypes = form.osTypes;
  if (form.osVersionPattern.trim()) conditions.osVersionPattern = form.osVersionPattern.trim();
  if (form.osArchitecture.trim()) conditions.osArchitecture = form.osArchitecture.trim();
  if (form.virtualMachine !== 'any') conditions.virtualMachine = form.virtualMachine === 'yes';
  if (form.applicationInstalled.trim()) conditions.applicationInstalled = form.applicationInstalled.trim();
  return {
    name: form.name.trim(),
    enabled: form.enabled,
    targetGroupId: form.targetGroupId,
    mode: form.mode,
    unassignedOnly: form.unassignedOnly,
    conditions,
  };
}

/** The rule ids after moving one rule a step up (-1) or down (+1); unchanged at either end. */
export function reordered(ids: readonly string[], id: string, step: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) {
    return [...ids];
  }
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
