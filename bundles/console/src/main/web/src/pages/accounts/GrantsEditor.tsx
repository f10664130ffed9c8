import { Button, Flex, FlexItem, FormSelect, FormSelectOption } from '@patternfly/react-core';
import MinusCircleIcon from '@patternfly/react-icons/dist/esm/icons/minus-circle-icon';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { useTranslation } from 'react-i18next';
import type { Role, RoleGrant } from '../../api/accounts';
import { managedDevicesGroupId, type GroupChoice } from '../../api/groups';
import { roleName } from '../../components/roleNames';

/** Role grants as rows of "role on group subtree"; the group list shows each group with its full path. */
export function GrantsEditor({
  grants,
  roles,
  groups,
  onChange,
}: {
  grants: RoleGrant[];
  roles: readonly Role[];
  groups: readonly GroupChoice[];
  onChange: (grants: RoleGrant[]) => void;
}) {
  const { t } = useTranslation();
  const replace = (index: number, change: Partial<RoleGrant>) =>
    onChange(grants.map((grant, i) => (i === index ? { ...grant, ...change } : grant)));

  return (
    <Flex direction={{ default: 'column' }} gap={{ default: 'gapSm' }}>
      {grants.map((grant, index) => (
        <Flex key={index} gap={{ default: 'gapSm' }} alignItems={{ default: 'alignItemsCenter' }} flexWrap={{ default: 'nowrap' }}>
          <FlexItem flex={{ default: 'flex_1' }}>
            <FormSelect
              aria-label={t('grants.role', { number: index + 1 })}
              value={grant.roleId}
              onChange={(_event, roleId) => replace(index, { roleId })}
            >
              {roles.map((role) => (
                <FormSelectOption key={role.id} value={role.id} label={roleName(role.id, roles, t)} />
              ))}
            </FormSelect>
          </FlexItem>
          <FlexItem>{t('grants.on')}</FlexItem>
          <FlexItem flex={{ default: 'flex_2' }}>
            <FormSelect
              aria-label={t('grants.group', { number: index + 1 })}
              value={grant.groupId}
              onChange={(_event, groupId) => replace(index, { groupId })}
            >
              {groups.map((group) => (
                <FormSelectOption key={group.id} value={group.id} label={group.path} />
              ))}
            </FormSelect>
          </FlexItem>
          <FlexItem>
            <Button
              variant="plain"
              icon={<MinusCircleIcon />}
              aria-label={t('grants.remove', { number: index + 1 })}
              onClick={() => onChange(grants.filter((_grant, i) => i !== index))}
            />
          </FlexItem>
        </Flex>
      ))}
      <FlexItem>
        <Button
          variant="link"
          isInline
          icon={<PlusCircleIcon />}
          isDisabled={roles.length === 0 || groups.length === 0}
          onClick={() => {
            const groupId = groups.some((group) => group.id === managedDevicesGroupId) ? managedDevicesGroupId : (groups[0]?.id ?? '');
            onChange([...grants, { roleId: roles[0]?.id ?? '', groupId }]);
          }}
        >
          {t('grants.add')}
        </Button>
      </FlexItem>
    </Flex>
  );
}
