import {
  Alert,
  AlertActionCloseButton,
  Button,
  EmptyState,
  EmptyStateBody,
  Flex,
  Label,
  PageSection,
  Stack,
  StackItem,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import ArrowDownIcon from '@patternfly/react-icons/dist/esm/icons/arrow-down-icon';
import ArrowUpIcon from '@patternfly/react-icons/dist/esm/icons/arrow-up-icon';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { groupChoices, listGroups } from '../../api/groups';
import { deleteMovingRule, listMovingRules, orderMovingRules, runMovingRules, type DeviceMovingRule } from '../../api/movingRules';
import { useLoad } from '../../api/useLoad';
import { ApiErrorAlert, describeError } from '../../components/ApiErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { reordered } from './movingRuleForm';
import { MovingRuleModal } from './MovingRuleModal';
import { RowActions } from './RowActions';
import { Hint } from './Hint';

type Dialogue = { kind: 'create' } | { kind: 'edit'; rule: DeviceMovingRule } | { kind: 'delete'; rule: DeviceMovingRule };

/** What a rule looks for, in one line: "Tags: vip · OS: Windows · IPv4: 10.1.0.0/16". */
function conditionsSummary(rule: DeviceMovingRule, t: TFunction): string {
  const c = rule.conditions ?? {};
  const parts: string[] = [];
  if (c.tags?.length) parts.push(`${t('movingRules.condition.tags')}: ${c.tags.join(', ')}`);
  if (c.dnsNamePattern) parts.push(`${t('movingRules.condition.dnsNamePattern')}: ${c.dnsNamePattern}`);
  if (c.dnsDomainPattern) parts.push(`${t('movingRules.condition.dnsDomainPattern')}: ${c.dnsDomainPattern}`);
  if (c.ipv4Ranges?.length) parts.push(`${t('movingRules.condition.ipv4Ranges')}: ${c.ipv4Ranges.join(', ')}`);
  if (c.osTypes?.length) parts.push(`${t('movingRules.condition.osTypes')}: ${c.osTypes.map((os) => t(`movingRules.os.${os}`)).join(', ')}`);
  if (c.osVersionPattern) parts.push(`${t('movingRules.condition.osVersionPattern')}: ${c.osVersionPattern}`);
  if (c.osArchitecture) parts.push(`${t('movingRules.condition.osArchitecture')}: ${c.osArchitecture}`);
  if (c.virtualMachine !== undefined && c.virtualMachine !== null) {
    parts.push(t(c.virtualMachine ? 'movingRules.virtualMachine.yes' : 'movingRules.virtualMachine.no'));
  }
  if (c.applicationInstalled) parts.push(`${t('movingRules.condition.applicationInstalled')}: ${c.applicationInstalled}`);
  return parts.join(' · ');
}

/**
 * The device moving rules, in the order they are tried: create, edit, reorder (buttons, so the keyboard can do it),
 * delete, and run them over every device now. Changing them needs `groups.write` on the whole server.
 */
export default function MovingRulesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayWrite = me?.permissions['groups.write']?.everywhere === true;
  const rules = useLoad(listMovingRules);
  const groups = useLoad(listGroups);
  const [dialogue, setDialogue] = useState<Dialogue | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const choices = groups.data ? groupChoices(groups.data) : [];
  const groupPath = (id: string) => choices.find((choice) => choice.id === id)?.path ?? id;

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    setFailure(undefined);
    setNotice(undefined);
    try {
      setNotice(await action());
      rules.reload();
    } catch (error) {
      setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  const move = (rule: DeviceMovingRule, step: -1 | 1) =>
    void act(async () => {
      await orderMovingRules(reordered(rules.data!.map((candidate) => candidate.id), rule.id, step));
      return t('movingRules.reordered', { name: rule.name });
    });
  const run = () =>
    void act(async () => {
      const moved = await runMovingRules();
      return t('movingRules.ran', { count: moved });
    });

  let content;
  if (rules.data && rules.data.length === 0) {
    content = (
      <EmptyState titleText={t('movingRules.emptyTitle')} headingLevel="h2">
        <EmptyStateBody>{t('movingRules.emptyBody')}</EmptyStateBody>
      </EmptyState>
    );
  } else if (rules.data) {
    const list = rules.data;
    content = (
      <Table aria-label={t('movingRules.title')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('movingRules.position')}</Th>
            <Th>{t('movingRules.name')}</Th>
            <Th>{t('movingRules.target')}</Th>
            <Th>{t('movingRules.mode')}</Th>
            <Th>{t('movingRules.conditions')}</Th>
            {mayWrite && <Th screenReaderText={t('common.actions')} />}
          </Tr>
        </Thead>
        <Tbody>
          {list.map((rule, position) => (
            <Tr key={rule.id}>
              <Td dataLabel={t('movingRules.position')}>{position + 1}</Td>
              <Td dataLabel={t('movingRules.name')}>
                {rule.name}
                {!rule.enabled && (
                  <Label isCompact className="garrison-space-before">
                    {t('movingRules.disabled')}
                  </Label>
                )}
                {rule.unassignedOnly && (
                  <Label isCompact color="blue" className="garrison-space-before">
                    {t('movingRules.unassignedOnlyShort')}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('movingRules.target')}>
                <Link to={`/groups/${rule.targetGroupId}`}>{groupPath(rule.targetGroupId)}</Link>
              </Td>
              <Td dataLabel={t('movingRules.mode')}>{t(`movingRules.modes.${rule.mode}`)}</Td>
              <Td dataLabel={t('movingRules.conditions')}>{conditionsSummary(rule, t)}</Td>
              {mayWrite && (
                <Td isActionCell>
                  <Flex flexWrap={{ default: 'nowrap' }} spaceItems={{ default: 'spaceItemsNone' }}>
                    <Button
                      variant="plain"
                      icon={<ArrowUpIcon />}
                      aria-label={t('movingRules.moveUp', { name: rule.name })}
                      isDisabled={busy || position === 0}
                      onClick={() => move(rule, -1)}
                    />
                    <Button
                      variant="plain"
                      icon={<ArrowDownIcon />}
                      aria-label={t('movingRules.moveDown', { name: rule.name })}
                      isDisabled={busy || position === list.length - 1}
                      onClick={() => move(rule, 1)}
                    />
                    <RowActions
                      label={t('movingRules.actionsOf', { name: rule.name })}
                      items={[
                        { title: t('common.edit'), onClick: () => setDialogue({ kind: 'edit', rule }) },
                        { isSeparator: true },
                        { title: t('common.delete'), isDanger: true, onClick: () => setDialogue({ kind: 'delete', rule }) },
                      ]}
                    />
                  </Flex>
                </Td>
              )}
            </Tr>
          ))}
        </Tbody>
      </Table>
    );
  } else if (rules.error !== undefined) {
    content = <ApiErrorAlert variant="danger" title={t('movingRules.loadFailed')} error={rules.error} />;
  } else {
    content = <PageLoading label={t('movingRules.loading')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('movingRules.title')}</Title>
        <Hint>{t('movingRules.intro')}</Hint>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          {mayWrite && (
            <StackItem>
              <Toolbar>
                <ToolbarContent>
                  <ToolbarItem>
                    <Button variant="primary" onClick={() => setDialogue({ kind: 'create' })} isDisabled={!groups.data}>
                      {t('movingRules.create')}
                    </Button>
                  </ToolbarItem>
                  <ToolbarItem>
                    <Button variant="secondary" onClick={run} isLoading={busy} isDisabled={busy || !rules.data?.length}>
                      {t('movingRules.runNow')}
                    </Button>
                  </ToolbarItem>
                </ToolbarContent>
              </Toolbar>
            </StackItem>
          )}
          {notice && (
            <StackItem>
              <Alert variant="success" isInline isLiveRegion title={notice} actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />} />
            </StackItem>
          )}
          {failure && (
            <StackItem>
              <Alert variant="danger" isInline isLiveRegion title={t('common.failed')}>
                {failure}
              </Alert>
            </StackItem>
          )}
          {groups.error !== undefined && (
            <StackItem>
              <ApiErrorAlert variant="warning" title={t('movingRules.groupsFailed')} error={groups.error} />
            </StackItem>
          )}
          <StackItem>{content}</StackItem>
        </Stack>
      </PageSection>
      {(dialogue?.kind === 'create' || dialogue?.kind === 'edit') && (
        <MovingRuleModal
          {...(dialogue.kind === 'edit' ? { rule: dialogue.rule } : {})}
          groups={choices}
          onClose={() => setDialogue(undefined)}
          onSaved={() => {
            setDialogue(undefined);
            rules.reload();
          }}
        />
      )}
      {dialogue?.kind === 'delete' && (
        <ConfirmModal
          title={t('movingRules.deleteTitle', { name: dialogue.rule.name })}
          body={t('movingRules.deleteBody')}
          confirmLabel={t('common.delete')}
          onConfirm={async () => {
            await deleteMovingRule(dialogue.rule.id);
            setDialogue(undefined);
            rules.reload();
          }}
          onClose={() => setDialogue(undefined)}
        />
      )}
    </>
  );
}
