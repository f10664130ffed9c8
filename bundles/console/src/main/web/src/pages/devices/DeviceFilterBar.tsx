import {
  Button,
  Checkbox,
  FormSelect,
  FormSelectOption,
  SearchInput,
  TextInput,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import './devices.css';
import { useTranslation } from 'react-i18next';
import { osTypes, statusLevels, type DeviceQuery, type OsType, type StatusLevel } from '../../api/devices';
import type { GroupChoice } from '../../api/groups';

/** Typing pauses this long before a text filter asks the server. */
const typingPauseMs = 400;

export interface DeviceFilterBarProps {
  query: DeviceQuery;
  groups: readonly GroupChoice[];
  /** `typing`: the change comes from a text being typed (replaces the history entry instead of adding one). */
  onChange: (query: DeviceQuery, typing?: boolean) => void;
}

function toggled<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((current) => current !== value), value] : values.filter((current) => current !== value);
}

/** A text that is applied after a pause in typing or at once with Enter; it follows the URL when that changes. */
function useTypedFilter(value: string | undefined, apply: (value: string) => void) {
  const [text, setText] = useState(value ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    text,
    change: (next: string) => {
      setText(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => applyRef.current(next.trim()), typingPauseMs);
    },
    applyNow: () => {
      clearTimeout(timer.current);
      applyRef.current(text.trim());
    },
  };
}

/** Every filter of the device listing; each change goes to the URL, which the listing follows. */
export function DeviceFilterBar({ query, groups, onChange }: DeviceFilterBarProps) {
  const { t } = useTranslation();
  const set = (change: Partial<DeviceQuery>, typing = false) => {
    const next: DeviceQuery = { ...query, ...change };
    for (const key of Object.keys(change) as (keyof DeviceQuery)[]) {
      if (next[key] === '' || next[key] === undefined) {
        delete next[key];
      }
    }
    onChange(next, typing);
  };
  const search = useTypedFilter(query.q, (q) => set({ q }, true));
  const tag = useTypedFilter(query.tag, (value) => set({ tag: value }, true));
  // The mode is kept here too: "not installed" may be chosen before an application id is typed.
  const [appMode, setAppMode] = useState<'with' | 'without'>(query.noApp !== undefined ? 'without' : 'with');
  useEffect(() => {
    if (query.noApp !== undefined) {
      setAppMode('without');
    } else if (query.app !== undefined) {
      setAppMode('with');
    }
  }, [query.app, query.noApp]);
  const appChange = (mode: 'with' | 'without', id: string | undefined): Partial<DeviceQuery> =>
    mode === 'without' ? { noApp: id, app: undefined } : { app: id, noApp: undefined };
  const app = useTypedFilter(query.app ?? query.noApp, (value) => set(appChange(appMode, value), true));
  const filtered =
    query.group !== undefined ||
    query.status.length > 0 ||
    query.os.length > 0 ||
    [query.q, query.tag, query.lastVisibleFrom, query.lastVisibleTo, query.app, query.noApp].some(Boolean);

  return (
    <Toolbar aria-label={t('devices.filter.toolbar')} className="garrison-devices-filters">
      <ToolbarContent>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            <SearchInput
              aria-label={t('devices.filter.search')}
              placeholder={t('devices.filter.searchPlaceholder')}
              value={search.text}
              onChange={(_event, value) => search.change(value)}
              onSearch={() => search.applyNow()}
              submitSearchButtonLabel={t('devices.filter.apply')}
              resetButtonLabel={t('devices.filter.reset')}
              onClear={() => {
                search.change('');
                search.applyNow();
              }}
            />
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect
              aria-label={t('devices.filter.group')}
              value={query.group ?? ''}
              onChange={(_event, value) => set({ group: value || undefined, subtree: undefined })}
            >
              <FormSelectOption value="" label={t('devices.filter.allGroups')} />
              {groups.map((group) => (
                <FormSelectOption key={group.id} value={group.id} label={group.path} />
              ))}
              {query.group && !groups.some((group) => group.id === query.group) && <FormSelectOption value={query.group} label={query.group} />}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem alignSelf="center">
            <Checkbox
              id="devices-filter-subtree"
              label={t('devices.filter.subtree')}
              isChecked={query.subtree !== false}
              isDisabled={!query.group}
              onChange={(_event, checked) => set({ subtree: checked ? undefined : false })}
            />
          </ToolbarItem>
        </ToolbarGroup>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            <ToggleGroup isCompact aria-label={t('devices.filter.status')}>
              {statusLevels.map((level: StatusLevel) => (
                <ToggleGroupItem
                  key={level}
                  text={t(`devices.status.${level}`)}
                  buttonId={`devices-filter-status-${level}`}
                  isSelected={query.status.includes(level)}
                  onChange={(_event, on) => set({ status: toggled(query.status, level, on) })}
                />
              ))}
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem>
            <ToggleGroup isCompact aria-label={t('devices.filter.os')}>
              {osTypes.map((type: OsType) => (
                <ToggleGroupItem
                  key={type}
                  text={t(`devices.osType.${type}`)}
                  buttonId={`devices-filter-os-${type}`}
                  isSelected={query.os.includes(type)}
                  onChange={(_event, on) => set({ os: toggled(query.os, type, on) })}
                />
              ))}
            </ToggleGroup>
          </ToolbarItem>
        </ToolbarGroup>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            <TextInput
              aria-label={t('devices.filter.tag')}
              placeholder={t('devices.filter.tag')}
              value={tag.text}
              onChange={(_event, value) => tag.change(value)}
              onKeyDown={(event) => event.key === 'Enter' && tag.applyNow()}
            />
          </ToolbarItem>
          <ToolbarItem alignSelf="center">
            <span aria-hidden="true" className="garrison-nowrap">
              {t('devices.filter.lastVisible')}
            </span>
          </ToolbarItem>
          <ToolbarItem>
            <TextInput
              type="date"
              aria-label={t('devices.filter.visibleFrom')}
              title={t('devices.filter.visibleFrom')}
              value={query.lastVisibleFrom ?? ''}
              onChange={(_event, value) => set({ lastVisibleFrom: value || undefined })}
            />
          </ToolbarItem>
          <ToolbarItem>
            <TextInput
              type="date"
              aria-label={t('devices.filter.visibleBefore')}
              title={t('devices.filter.visibleBefore')}
              value={query.lastVisibleTo ?? ''}
              onChange={(_event, value) => set({ lastVisibleTo: value || undefined })}
            />
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect
              aria-label={t('devices.filter.appMode')}
              value={appMode}
              onChange={(_event, value) => {
                const mode = value === 'without' ? 'without' : 'with';
                setAppMode(mode);
                const id = query.app ?? query.noApp;
                if (id) {
                  set(appChange(mode, id));
                }
              }}
            >
              <FormSelectOption value="with" label={t('devices.filter.appInstalled')} />
              <FormSelectOption value="without" label={t('devices.filter.appNotInstalled')} />
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <TextInput
              aria-label={t('devices.filter.app')}
              placeholder={t('devices.filter.appPlaceholder')}
              value={app.text}
              onChange={(_event, value) => app.change(value)}
              onKeyDown={(event) => event.key === 'Enter' && app.applyNow()}
            />
          </ToolbarItem>
          {filtered && (
            <ToolbarItem>
              <Button variant="link" isInline onClick={() => onChange({ status: [], os: [], sort: query.sort, order: query.order })}>
                {t('devices.filter.clear')}
              </Button>
            </ToolbarItem>
          )}
        </ToolbarGroup>
      </ToolbarContent>
    </Toolbar>
  );
}
