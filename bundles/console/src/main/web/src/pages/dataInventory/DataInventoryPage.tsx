import {
  Button,
  EmptyState,
  EmptyStateBody,
  EmptyStateFooter,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  Split,
  SplitItem,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { CollapseColumn, ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { coreOwner, dataOrigins, listDataInventory, type DataItem } from '../../api/dataInventory';
import { listPlugins, type Plugin } from '../../api/plugins';
import { holds } from '../../api/session';
import { useLoad } from '../../api/useLoad';
import { PageLoading } from '../../components/PageLoading';
import { useMe } from '../../session/SessionContext';
import { Hint } from '../groups/Hint';
import { ProblemAlert } from '../history/labels';
import { inventoryFilterOf, inventoryParamsOf, inventoryViewOf, noFilter, type InventoryView } from './inventoryView';
import '../history/history.css';
import './dataInventory.css';

const noPlugins = async (): Promise<Plugin[]> => [];

/** An owner in the admin's words: the server itself, or a plugin by its name where the console knows it. */
function ownerLabel(owner: string, pluginNames: ReadonlyMap<string, string>, t: TFunction): string {
  if (owner === coreOwner) {
    return t('dataInventory.coreOwner');
  }
  const name = pluginNames.get(owner);
  return name ? t('dataInventory.pluginOwner', { name, id: owner }) : owner;
}

function sourceLabel(source: string, t: TFunction): string {
  const known = dataOrigins.find((origin) => origin === source);
  return known ? t(`dataInventory.sources.${known}`) : source;
}

/**
 * The data inventory: every kind of data the server and its plugins hold, where it comes from, whether it is
 * personal or encrypted and how long it stays; filters kept in the URL and applied by the server.
 */
export default function DataInventoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const viewKey = inventoryParamsOf(inventoryViewOf(searchParams)).toString();
  const view = useMemo(() => inventoryViewOf(new URLSearchParams(viewKey)), [viewKey]);
  const inventory = useLoad(useCallback((signal: AbortSignal) => listDataInventory(inventoryFilterOf(view), signal), [view]));
  // Plugin names for the owner filter and column, for those who may read the plugins.
  const plugins = useLoad(holds(me, 'plugins.read') ? listPlugins : noPlugins);
  const pluginNames = useMemo(() => new Map((plugins.data ?? []).map((plugin) => [plugin.id, plugin.name])), [plugins.data]);

  const items = inventory.data;
  const owners = useMemo(() => {
    const known = new Set([coreOwner, ...pluginNames.keys(), ...(items ?? []).map((item) => item.owner)]);
    if (view.owner) {
      known.add(view.owner);
    }
    return [...known].sort((a, b) => (a === coreOwner ? -1 : b === coreOwner ? 1 : a.localeCompare(b)));
  }, [pluginNames, items, view.owner]);
  const filtered = viewKey !== '';
  const apply = (change: Partial<InventoryView>) => setSearchParams(inventoryParamsOf({ ...view, ...change }));
  const clear = () => setSearchParams(inventoryParamsOf(noFilter));

  let content;
  if (items && items.length === 0) {
    content = (
      <EmptyState titleText={t(filtered ? 'dataInventory.noMatchTitle' : 'dataInventory.emptyTitle')} headingLevel="h2">
        <EmptyStateBody>{t(filtered ? 'dataInventory.noMatchBody' : 'dataInventory.emptyBody')}</EmptyStateBody>
        {filtered && (
          <EmptyStateFooter>
            <Button variant="link" onClick={clear}>
              {t('dataInventory.clear')}
            </Button>
          </EmptyStateFooter>
        )}
      </EmptyState>
    );
  } else if (items) {
    content = <InventoryTable items={items} pluginNames={pluginNames} />;
  } else if (inventory.error === undefined) {
    content = <PageLoading label={t('dataInventory.loading')} />;
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('dataInventory.title')}</Title>
        <Hint>{t('dataInventory.intro')}</Hint>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <InventoryFilters view={view} owners={owners} ownerLabelOf={(owner) => ownerLabel(owner, pluginNames, t)} onApply={apply} onClear={clear} />
          </StackItem>
          {items && items.length > 0 && (
            <StackItem>
              <Hint live>
                {t('dataInventory.count', { count: items.length })} {t('dataInventory.personalCount', { count: items.filter((item) => item.personal).length })}
              </Hint>
            </StackItem>
          )}
          {inventory.error !== undefined && (
            <StackItem>
              <ProblemAlert title={t('dataInventory.loadFailed')} error={inventory.error} />
            </StackItem>
          )}
          <StackItem className="garrison-table-scroll">{content}</StackItem>
        </Stack>
      </PageSection>
    </>
  );
}

/** The filters: each choice applies at once and lands in the URL. */
function InventoryFilters({
  view,
  owners,
  ownerLabelOf,
  onApply,
  onClear,
}: {
  view: InventoryView;
  owners: readonly string[];
  ownerLabelOf: (owner: string) => string;
  onApply: (change: Partial<InventoryView>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Form aria-label={t('dataInventory.filters')} className="garrison-history-filters" onSubmit={(event) => event.preventDefault()}>
      <Split hasGutter isWrappable>
        <SplitItem>
          <FormGroup label={t('dataInventory.owner')} fieldId="inventory-owner">
            <FormSelect id="inventory-owner" value={view.owner} onChange={(_event, value) => onApply({ owner: value })}>
              <FormSelectOption value="" label={t('dataInventory.anyOwner')} />
              {owners.map((owner) => (
                <FormSelectOption key={owner} value={owner} label={ownerLabelOf(owner)} />
              ))}
            </FormSelect>
          </FormGroup>
        </SplitItem>
        <SplitItem>
          <FormGroup label={t('dataInventory.source')} fieldId="inventory-source">
            <FormSelect id="inventory-source" value={view.source} onChange={(_event, value) => onApply({ source: dataOrigins.find((origin) => origin === value) ?? '' })}>
              <FormSelectOption value="" label={t('dataInventory.anySource')} />
              {dataOrigins.map((origin) => (
                <FormSelectOption key={origin} value={origin} label={t(`dataInventory.sources.${origin}`)} />
              ))}
            </FormSelect>
          </FormGroup>
        </SplitItem>
        <SplitItem>
          <FormGroup label={t('dataInventory.personal')} fieldId="inventory-personal">
            <FormSelect
              id="inventory-personal"
              value={view.personal}
              onChange={(_event, value) => onApply({ personal: value === 'true' || value === 'false' ? value : '' })}
            >
              <FormSelectOption value="" label={t('dataInventory.anyPersonal')} />
              <FormSelectOption value="true" label={t('dataInventory.onlyPersonal')} />
              <FormSelectOption value="false" label={t('dataInventory.onlyNotPersonal')} />
            </FormSelect>
          </FormGroup>
        </SplitItem>
        <SplitItem isFilled />
        <SplitItem className="garrison-inventory-clear">
          <Button variant="link" onClick={onClear} isDisabled={!view.owner && !view.source && !view.personal}>
            {t('dataInventory.clear')}
          </Button>
        </SplitItem>
      </Split>
    </Form>
  );
}

/** The items, one expandable row each: storage and description below the row. */
function InventoryTable({ items, pluginNames }: { items: readonly DataItem[]; pluginNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) {
        next.add(key);
      }
      return next;
    });
  const yesNo = (value: boolean) => (
    <Label isCompact color={value ? 'orange' : 'grey'}>
      {t(value ? 'dataInventory.yes' : 'dataInventory.no')}
    </Label>
  );

  return (
    <Table aria-label={t('dataInventory.tableLabel')} variant="compact" data-testid="inventory-table">
      <Thead>
        <Tr>
          <Th screenReaderText={t('dataInventory.details')} />
          <Th width={15}>{t('dataInventory.owner')}</Th>
          <Th width={25}>{t('dataInventory.item')}</Th>
          <Th width={15}>{t('dataInventory.source')}</Th>
          <Th modifier="fitContent">{t('dataInventory.personal')}</Th>
          <Th modifier="fitContent">{t('dataInventory.encrypted')}</Th>
          <Th>{t('dataInventory.retention')}</Th>
        </Tr>
      </Thead>
      {items.map((item, rowIndex) => {
        // Ids are unique only within their owner.
        const key = `${item.owner}/${item.id}`;
        const isExpanded = expanded.has(key);
        const detailsId = `inventory-details-${rowIndex}`;
        return (
          <Tbody key={key} isExpanded={isExpanded}>
            <Tr>
              {/* PatternFly's own expand cell names its button "Details" in English only: this one says which row, translated. */}
              <Td className="pf-v6-c-table__toggle">
                <CollapseColumn
                  isOpen={isExpanded}
                  onToggle={() => toggle(key)}
                  variant="compact"
                  aria-label={t('dataInventory.detailsOf', { title: item.title })}
                  aria-controls={detailsId}
                />
              </Td>
              <Td dataLabel={t('dataInventory.owner')}>{ownerLabel(item.owner, pluginNames, t)}</Td>
              <Td dataLabel={t('dataInventory.item')} modifier="breakWord">
                <div>{item.title}</div>
                <div>
                  <code className="garrison-object-id">{item.id}</code>
                </div>
              </Td>
              <Td dataLabel={t('dataInventory.source')}>{sourceLabel(item.source, t)}</Td>
              <Td dataLabel={t('dataInventory.personal')}>{yesNo(item.personal)}</Td>
              <Td dataLabel={t('dataInventory.encrypted')}>{yesNo(item.encrypted)}</Td>
              <Td dataLabel={t('dataInventory.retention')} modifier="wrap">
                {item.retention || '—'}
              </Td>
            </Tr>
            <Tr isExpanded={isExpanded} id={detailsId}>
              <Td colSpan={7}>
                <ExpandableRowContent>
                  <dl className="garrison-inventory-details">
                    <dt>{t('dataInventory.storage')}</dt>
                    <dd>{item.storage ? <code>{item.storage}</code> : '—'}</dd>
                    <dt>{t('dataInventory.description')}</dt>
                    <dd>{item.description || '—'}</dd>
                  </dl>
                </ExpandableRowContent>
              </Td>
            </Tr>
          </Tbody>
        );
      })}
    </Table>
  );
}
