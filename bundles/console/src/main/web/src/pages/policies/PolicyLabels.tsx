import { Label } from '@patternfly/react-core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupTreeNode } from '../../api/groups';
import type { PolicyApplication, PolicyState, SettingOrigin } from '../../api/policies';
import { indexTree } from '../groups/groupTree';

const stateStatus: Record<PolicyState, 'success' | 'info' | undefined> = {
  ACTIVE: 'success',
  OUT_OF_OFFICE: 'info',
  INACTIVE: undefined,
};

/** A policy's state as a label: active in green, out of office in blue, inactive plain. */
export function PolicyStateLabel({ state }: { state: PolicyState }) {
  const { t } = useTranslation();
  const status = stateStatus[state];
  return (
    <Label isCompact {...(status ? { status } : {})}>
      {t(`policies.state.${state}`)}
    </Label>
  );
}

/** A group's name from the tree, or its id while the tree is not (or cannot be) loaded. */
export function useGroupName(tree: readonly GroupTreeNode[] | undefined): (groupId: string) => string {
  return useMemo(() => {
    const index = tree ? indexTree(tree) : undefined;
    return (groupId: string) => index?.get(groupId)?.node.name ?? groupId;
  }, [tree]);
}

/** An application's name, or its id where the plugin is not known (stopped, or not readable). */
export function applicationName(applications: readonly PolicyApplication[] | undefined, id: string): string {
  return applications?.find((application) => application.id === id)?.name ?? id;
}

/** Where a value comes from, in words: "policy Company of group Managed devices" (and the profile, if one set it). */
export function useOriginText(groupName: (groupId: string) => string): (origin: SettingOrigin) => string {
  const { t } = useTranslation();
  return useCallback(
    (origin: SettingOrigin) =>
      origin.profile
        ? t('policies.origin.profile', { profile: origin.profile, policy: origin.policyName, group: groupName(origin.groupId) })
        : t('policies.origin.policy', { policy: origin.policyName, group: groupName(origin.groupId) }),
    [t, groupName],
  );
}
