import { Button, Card, CardBody, CardTitle, Content, Flex, FlexItem, Label } from '@patternfly/react-core';
import ArrowDownIcon from '@patternfly/react-icons/dist/esm/icons/arrow-down-icon';
import ArrowUpIcon from '@patternfly/react-icons/dist/esm/icons/arrow-up-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client';
import type { GroupTreeNode } from '../../api/groups';
import type { PolicyProfile, ProfileRule } from '../../api/policies';
import type { InheritedField, JsonSchema } from '../../components/schemaForm';
import { choicesOfTree } from '../groups/groupTree';
import { ProfileModal } from './ProfileModal';
import { ruleValueName } from './RulesEditor';
import { leavesOf, moved, profileErrors, type Settings } from './policyEditing';

/**
 * The profiles of a policy in priority order (the first wins where two set the same value): moved up and down,
 * added, edited and removed here; the changes are saved with the policy.
 */
export function ProfilesSection({
  profiles,
  onChange,
  errors,
  schema,
  policySettings,
  lockedAbove,
  tree,
  readOnly,
}: {
  profiles: readonly PolicyProfile[];
  onChange: (profiles: PolicyProfile[]) => void;
  /** The policy's errors; those of profiles are `profiles/<index>/…`. */
  errors: readonly FieldError[];
  schema: JsonSchema;
  /** The policy's settings as the editor shows them, the base each profile changes. */
  policySettings: Settings;
  lockedAbove: Readonly<Record<string, InheritedField>>;
  tree: readonly GroupTreeNode[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ index: number | undefined } | undefined>();
  const groups = choicesOfTree(tree);

  const ruleText = (rule: ProfileRule) =>
    t('policies.rules.summary', {
      attribute: t(`policies.rules.attributeName.${rule.attribute}`),
      values: rule.values.map((value) => ruleValueName(t, rule.attribute, value, groups)).join(', '),
    });

  return (
    <Card>
      <CardTitle component="h2">{t('policies.profiles.title')}</CardTitle>
      <CardBody>
        <Content component="p">{t('policies.profiles.help')}</Content>
        {profiles.length === 0 ? (
          <Content component="p">{t('policies.profiles.none')}</Content>
        ) : (
          <Table aria-label={t('policies.profiles.title')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('policies.profiles.priority')}</Th>
                <Th>{t('policies.field.name')}</Th>
                <Th>{t('policies.profiles.enabled')}</Th>
                <Th>{t('policies.rules.title')}</Th>
                <Th>{t('policies.profiles.overrides')}</Th>
                <Th screenReaderText={t('common.actions')} />
              </Tr>
            </Thead>
            <Tbody>
              {profiles.map((profile, index) => {
                const problems = profileErrors(errors, index);
                const overrides = leavesOf(profile.settings).map(([path]) => path);
                return (
                  <Tr key={profile.id ?? `new-${index}`} data-testid={`profile-row-${index}`}>
                    <Td dataLabel={t('policies.profiles.priority')}>{index + 1}</Td>
                    <Td dataLabel={t('policies.field.name')}>
                      {profile.name}
                      {!profile.id && (
                        <Label isCompact className="garrison-space-before">
                          {t('policies.profiles.new')}
                        </Label>
                      )}
                      {problems.length > 0 && (
                        <Label isCompact status="danger" className="garrison-space-before">
                          {t('policies.problemCount', { count: problems.length })}
                        </Label>
                      )}
                    </Td>
                    <Td dataLabel={t('policies.profiles.enabled')}>{profile.enabled ? t('common.on') : t('common.off')}</Td>
                    <Td dataLabel={t('policies.rules.title')}>
                      {profile.rules.length === 0 ? t('policies.rules.noneShort') : profile.rules.map((rule, position) => <div key={position}>{ruleText(rule)}</div>)}
                    </Td>
                    <Td dataLabel={t('policies.profiles.overrides')}>{overrides.length === 0 ? '—' : overrides.join(', ')}</Td>
                    <Td isActionCell>
                      <Flex spaceItems={{ default: 'spaceItemsNone' }} flexWrap={{ default: 'nowrap' }}>
                        {!readOnly && (
                          <>
                            <FlexItem>
                              <Button
                                variant="plain"
                                icon={<ArrowUpIcon />}
                                aria-label={t('policies.profiles.moveUp', { name: profile.name })}
                                isDisabled={index === 0}
                                onClick={() => onChange(moved(profiles, index, index - 1))}
                              />
                            </FlexItem>
                            <FlexItem>
                              <Button
                                variant="plain"
                                icon={<ArrowDownIcon />}
                                aria-label={t('policies.profiles.moveDown', { name: profile.name })}
                                isDisabled={index === profiles.length - 1}
                                onClick={() => onChange(moved(profiles, index, index + 1))}
                              />
                            </FlexItem>
                          </>
                        )}
                        <FlexItem>
                          <Button variant="link" onClick={() => setEditing({ index })} aria-label={t(readOnly ? 'policies.profiles.viewOne' : 'policies.profiles.editOne', { name: profile.name })}>
                            {readOnly ? t('common.view') : t('common.edit')}
                          </Button>
                        </FlexItem>
                        {!readOnly && (
                          <FlexItem>
                            <Button
                              variant="link"
                              isDanger
                              aria-label={t('policies.profiles.removeOne', { name: profile.name })}
                              onClick={() => onChange(profiles.filter((_profile, position) => position !== index))}
                            >
                              {t('policies.profiles.remove')}
                            </Button>
                          </FlexItem>
                        )}
                      </Flex>
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}
        {!readOnly && (
          <Button variant="secondary" className="garrison-space-before" onClick={() => setEditing({ index: undefined })}>
            {t('policies.profiles.add')}
          </Button>
        )}
      </CardBody>
      {editing && (
        <ProfileModal
          profile={editing.index === undefined ? undefined : profiles[editing.index]}
          otherNames={profiles.filter((_profile, position) => position !== editing.index).map((profile) => profile.name)}
          errors={editing.index === undefined ? [] : profileErrors(errors, editing.index)}
          schema={schema}
          policySettings={policySettings}
          lockedAbove={lockedAbove}
          groups={groups}
          readOnly={readOnly}
          onClose={() => setEditing(undefined)}
          onApply={(profile) => {
            onChange(editing.index === undefined ? [...profiles, profile] : profiles.map((current, position) => (position === editing.index ? profile : current)));
            setEditing(undefined);
          }}
        />
      )}
    </Card>
  );
}
