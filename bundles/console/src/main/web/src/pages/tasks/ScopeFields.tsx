import {
  Button,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  LabelGroup,
  List,
  ListItem,
  Radio,
  SearchInput,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { emptyDeviceQuery, listDevices, type Device } from '../../api/devices';
import type { GroupChoice } from '../../api/groups';

/** The devices a task runs on, as the form edits them; names are known for devices picked in this form only. */
export interface ScopeDraft {
  mode: 'group' | 'devices';
  groupId: string;
  devices: { id: string; name?: string }[];
}

/** How many devices a search offers to pick; more precise text finds the others. */
const searchLimit = 10;

/** A fixed selection holds at most this many devices (the API's limit); larger sets are groups. */
export const maxSelectedDevices = 1000;

function FieldError({ message }: { message: string | undefined }) {
  if (!message) {
    return null;
  }
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error">{message}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

/**
 * The scope of a task that runs on devices: a group's subtree (every device in it at each run) or a fixed selection
 * found by name or address (the server searches; nothing is listed whole). `errors` are by the API's field path.
 */
export function ScopeFields({
  draft,
  onChange,
  groups,
  errors,
}: {
  draft: ScopeDraft;
  onChange: (draft: ScopeDraft) => void;
  groups: readonly GroupChoice[] | undefined;
  errors: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const change = (next: Partial<ScopeDraft>) => onChange({ ...draft, ...next });

  return (
    <>
      <FormGroup role="radiogroup" isInline fieldId="task-scope-mode" label={t('tasks.scope.label')} isRequired>
        <Radio
          id="task-scope-group"
          name="task-scope-mode"
          label={t('tasks.scope.group')}
          isChecked={draft.mode === 'group'}
          onChange={() => change({ mode: 'group' })}
        />
        <Radio
          id="task-scope-devices"
          name="task-scope-mode"
          label={t('tasks.scope.devices')}
          isChecked={draft.mode === 'devices'}
          onChange={() => change({ mode: 'devices' })}
        />
        <FieldError message={errors['scope']} />
      </FormGroup>
      {draft.mode === 'group' ? (
        <FormGroup label={t('tasks.scope.groupPicker')} isRequired fieldId="task-scope-group-id">
          <FormSelect
            id="task-scope-group-id"
            value={draft.groupId}
            onChange={(_event, value) => change({ groupId: value })}
            validated={errors['scope/groupId'] ? 'error' : 'default'}
            isDisabled={!groups}
          >
            <FormSelectOption value="" label={t('tasks.scope.chooseGroup')} isPlaceholder />
            {(groups ?? []).map((group) => (
              <FormSelectOption key={group.id} value={group.id} label={group.path} />
            ))}
          </FormSelect>
          {errors['scope/groupId'] ? (
            <FieldError message={errors['scope/groupId']} />
          ) : (
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('tasks.scope.groupHint')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      ) : (
        <DevicePicker draft={draft} onChange={change} error={errors['scope/deviceIds']} />
      )}
    </>
  );
}

function DevicePicker({ draft, onChange, error }: { draft: ScopeDraft; onChange: (next: Partial<ScopeDraft>) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ devices: Device[]; error: unknown } | undefined>();

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setFound(undefined);
      return undefined;
    }
    const controller = new AbortController();
    // Waits for a pause in typing, so a search runs once per word rather than once per key.
    const timer = setTimeout(() => {
      listDevices({ ...emptyDeviceQuery, q }, searchLimit, null, controller.signal).then(
        (page) => setFound({ devices: page.items, error: undefined }),
        (failure: unknown) => {
          if (!controller.signal.aborted) {
            setFound({ devices: [], error: failure });
          }
        },
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const chosen = new Set(draft.devices.map((device) => device.id));
  const full = draft.devices.length >= maxSelectedDevices;

  return (
    <FormGroup label={t('tasks.scope.devicePicker')} isRequired fieldId="task-scope-device-search">
      <SearchInput
        id="task-scope-device-search"
        aria-label={t('tasks.scope.deviceSearch')}
        placeholder={t('tasks.scope.deviceSearch')}
        value={text}
        onChange={(_event, value) => setText(value)}
        onClear={() => setText('')}
      />
      {found?.error !== undefined && <ApiErrorAlert variant="warning" title={t('tasks.scope.searchFailed')} error={found.error} />}
      {found && found.error === undefined && (
        <List isPlain aria-label={t('tasks.scope.found')} className="garrison-tasks-block">
          {found.devices.length === 0 && <ListItem>{t('tasks.scope.noneFound')}</ListItem>}
          {found.devices.map((device) => (
            <ListItem key={device.id}>
              <Button
                variant="link"
                isInline
                isDisabled={chosen.has(device.id) || full}
                onClick={() => onChange({ devices: [...draft.devices, { id: device.id, name: device.displayName }] })}
              >
                {t('tasks.scope.add', { device: device.displayName })}
              </Button>
            </ListItem>
          ))}
        </List>
      )}
      <LabelGroup
        categoryName={t('tasks.scope.selected', { count: draft.devices.length })}
        numLabels={20}
        className="garrison-tasks-block"
        aria-label={t('tasks.scope.selected', { count: draft.devices.length })}
      >
        {draft.devices.map((device) => (
          <Label
            key={device.id}
            onClose={() => onChange({ devices: draft.devices.filter((candidate) => candidate.id !== device.id) })}
            closeBtnAriaLabel={t('tasks.scope.remove', { device: device.name ?? device.id })}
          >
            {device.name ?? device.id}
          </Label>
        ))}
      </LabelGroup>
      <FieldError message={error} />
    </FormGroup>
  );
}
