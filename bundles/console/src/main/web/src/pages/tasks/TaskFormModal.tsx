import {
  Alert,
  AlertActionLink,
  Button,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  FormSelectOptionGroup,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Switch,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../../api/client';
import { groupChoices, listGroups } from '../../api/groups';
import { createTask, getTask, updateTask, type Task, type TaskRequest, type TaskType } from '../../api/tasks';
import { useLoad } from '../../api/useLoad';
import { describeError } from '../../components/ApiErrorAlert';
import { SchemaForm, withDefaults, type JsonObject, type JsonSchema } from '../../components/schemaForm';
import { draftOf, scheduleOf, type ScheduleDraft } from './scheduleForm';
import { ScheduleFields } from './ScheduleFields';
import { ScopeFields, type ScopeDraft } from './ScopeFields';
import { applicationName, typeKeyOf } from './taskText';
import './tasks.css';

const emptySchema: JsonSchema = { type: 'object', properties: {} };

/** The schedule members the form shows for a kind: an error on one of them is shown at its field. */
function scheduleFieldsOf(kind: ScheduleDraft['kind']): string[] {
  const always = ['kind', 'stopAfterMinutes'];
  const timing = kind === 'MANUAL' ? [] : ['timeZone', 'randomDelayMinutes', 'runIfMissed'];
  const own: Record<ScheduleDraft['kind'], string[]> = {
    MANUAL: [],
    ONCE: ['at'],
    EVERY: ['interval', 'unit', 'at'],
    DAILY: ['time'],
    WEEKLY: ['time', 'daysOfWeek'],
    MONTHLY: ['time', 'dayOfMonth'],
    CRON: ['cron'],
  };
  return [...always, ...timing, ...own[kind]].map((member) => `schedule/${member}`);
}

function scopeDraftOf(task: Task | undefined, groupId: string | undefined): ScopeDraft {
  const ids = task?.scope?.deviceIds ?? [];
  if (task?.scope && !task.scope.groupId && ids.length > 0) {
    return { mode: 'devices', groupId: '', devices: ids.map((id) => ({ id })) };
  }
  return { mode: 'group', groupId: task?.scope?.groupId ?? groupId ?? '', devices: [] };
}

/** Several problems of one field read as one text. */
function byField(errors: readonly FieldError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    fields[error.field] = fields[error.field] ? `${fields[error.field]}; ${error.message}` : error.message;
  }
  return fields;
}

/**
 * Creates a task (name, type with its parameters rendered from the type's schema, scope, schedule) or changes one
 * (the type stays). The server checks everything and its problems are shown at their fields; a task changed by
 * someone else meanwhile (409) is offered to be loaded again.
 */
export function TaskFormModal({
  task,
  types,
  groupId,
  onClose,
  onSaved,
}: {
  /** The task to change; none: a new one. */
  task?: Task;
  types: readonly TaskType[];
  /** A new task's group (from a group's page). */
  groupId?: string;
  onClose: () => void;
  onSaved: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const groups = useLoad(listGroups);
  const choices = useMemo(() => (groups.data ? groupChoices(groups.data) : undefined), [groups.data]);
  const [current, setCurrent] = useState<Task | undefined>(task);
  const [name, setName] = useState(task?.name ?? '');
  const [typeKey, setTypeKey] = useState(task ? typeKeyOf(task) : '');
  const type = types.find((candidate) => typeKeyOf(candidate) === typeKey);
  const schema = (type?.parametersSchema as JsonSchema | null | undefined) ?? emptySchema;
  const [parameters, setParameters] = useState<JsonObject>(task?.parameters ?? {});
  const [scope, setScope] = useState<ScopeDraft>(scopeDraftOf(task, groupId));
  const [schedule, setSchedule] = useState<ScheduleDraft>(draftOf(task?.schedule));
  const [enabled, setEnabled] = useState(task?.enabled ?? true);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const editing = current !== undefined;
  // A task of a type no longer offered (its plugin stopped) keeps its application and type.
  const runsOnDevices = type ? type.runsOnDevices : Boolean(current?.scope);

  const fields = byField(errors);
  const shownFields = new Set(['name', 'type', 'scope', 'scope/groupId', 'scope/deviceIds', 'enabled', ...scheduleFieldsOf(schedule.kind)]);
  const unplaced = errors.filter((error) => !shownFields.has(error.field) && !error.field.startsWith('parameters'));

  const chooseType = (key: string) => {
    setTypeKey(key);
    const chosen = types.find((candidate) => typeKeyOf(candidate) === key);
    setParameters(withDefaults((chosen?.parametersSchema as JsonSchema | null | undefined) ?? emptySchema, {}));
  };

  const fillFrom = (loaded: Task) => {
    setCurrent(loaded);
    setName(loaded.name);
    setParameters(loaded.parameters ?? {});
    setScope(scopeDraftOf(loaded, undefined));
    setSchedule(draftOf(loaded.schedule));
    setEnabled(loaded.enabled);
  };

  const loadCurrent = async () => {
    if (!current) {
      return;
    }
    setFailure(undefined);
    try {
      fillFrom(await getTask(current.id));
      setConflict(false);
      setErrors([]);
    } catch (error) {
      setFailure(describeError(error, t));
    }
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) {
      return;
    }
    const planned = scheduleOf(schedule);
    const local: FieldError[] = planned.errors.map((error) => ({ field: error.field, message: t(`tasks.form.problem.${error.problem}`) }));
    if (!type && !current) {
      local.push({ field: 'type', message: t('tasks.form.problem.chooseType') });
    }
    setErrors(local);
    setFailure(undefined);
    setConflict(false);
    if (local.length > 0) {
      return;
    }
    const application = current?.application ?? type?.application ?? '';
    const taskType = current?.type ?? type?.type ?? '';
    const request: TaskRequest = {
      name: name.trim(),
      application,
      type: taskType,
      parameters,
      schedule: planned.schedule,
      enabled,
      ...(runsOnDevices
        ? { scope: scope.mode === 'group' ? { groupId: scope.groupId || null } : { deviceIds: scope.devices.map((device) => device.id) } }
        : {}),
      ...(current ? { expectedRevision: current.revision } : {}),
    };
    setBusy(true);
    try {
      const saved = current ? await updateTask(current.id, request) : await createTask(request);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && current) {
        setConflict(true);
      } else if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(error.errors);
      } else {
        setFailure(describeError(error, t));
      }
      setBusy(false);
    }
  };

  const title = editing ? t('tasks.form.editTitle', { task: current.name }) : t('tasks.form.createTitle');
  const applications = [...new Set(types.map((candidate) => candidate.application))];

  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="task-form-title">
      <ModalHeader title={title} labelId="task-form-title" />
      <ModalBody>
        {conflict && (
          <Alert
            variant="warning"
            isInline
            isLiveRegion
            title={t('tasks.form.conflictTitle')}
            className="garrison-space-below"
            actionLinks={<AlertActionLink onClick={() => void loadCurrent()}>{t('tasks.form.loadCurrent')}</AlertActionLink>}
          >
            {t('tasks.form.conflictBody')}
          </Alert>
        )}
        {failure && (
          <Alert variant="danger" isInline isLiveRegion title={t('tasks.form.failed')} className="garrison-space-below">
            {failure}
          </Alert>
        )}
        {unplaced.length > 0 && (
          <Alert variant="danger" isInline isLiveRegion title={t('tasks.form.problems')} className="garrison-space-below">
            <List>
              {unplaced.map((error, index) => (
                <ListItem key={index}>{error.field ? `${error.field}: ${error.message}` : error.message}</ListItem>
              ))}
            </List>
          </Alert>
        )}
        <Form id="task-form" onSubmit={(event) => void save(event)} noValidate>
          <FormGroup label={t('tasks.form.name')} isRequired fieldId="task-name">
            <TextInput id="task-name" value={name} onChange={(_event, value) => setName(value)} validated={fields['name'] ? 'error' : 'default'} isRequired />
            {fields['name'] && (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant="error">{fields['name']}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
          </FormGroup>
          <FormGroup label={t('tasks.form.type')} isRequired fieldId="task-type">
            <FormSelect
              id="task-type"
              value={typeKey}
              onChange={(_event, value) => chooseType(value)}
              isDisabled={editing}
              validated={fields['type'] ? 'error' : 'default'}
            >
              <FormSelectOption value="" label={t('tasks.form.chooseType')} isPlaceholder />
              {editing && !type && <FormSelectOption value={typeKey} label={`${current.application} / ${current.type}`} />}
              {applications.map((application) => (
                <FormSelectOptionGroup key={application} label={applicationName(application, t)}>
                  {types
                    .filter((candidate) => candidate.application === application)
                    .map((candidate) => (
                      <FormSelectOption key={typeKeyOf(candidate)} value={typeKeyOf(candidate)} label={candidate.title} />
                    ))}
                </FormSelectOptionGroup>
              ))}
            </FormSelect>
            <FormHelperText>
              <HelperText>
                {fields['type'] ? (
                  <HelperTextItem variant="error">{fields['type']}</HelperTextItem>
                ) : (
                  <HelperTextItem>{type?.description ?? (editing ? t('tasks.form.typeFixed') : '')}</HelperTextItem>
                )}
              </HelperText>
            </FormHelperText>
          </FormGroup>
        </Form>
        {(type || editing) && (
          <section aria-labelledby="task-parameters-title" className="garrison-tasks-block">
            <Title headingLevel="h3" size="md" id="task-parameters-title">
              {t('tasks.form.parameters')}
            </Title>
            {type ? (
              <SchemaForm
                schema={schema}
                value={parameters}
                onChange={setParameters}
                errors={errors}
                errorPrefix="parameters"
                onSubmit={() => void save()}
                aria-label={t('tasks.form.parameters')}
              />
            ) : (
              <Content component="p">{t('tasks.form.typeUnavailable')}</Content>
            )}
          </section>
        )}
        <Form onSubmit={(event) => void save(event)} noValidate className="garrison-tasks-block" aria-label={t('tasks.form.when')}>
          {runsOnDevices && <ScopeFields draft={scope} onChange={setScope} groups={choices} errors={fields} />}
          <ScheduleFields draft={schedule} onChange={setSchedule} errors={fields} />
          <FormGroup fieldId="task-enabled">
            <Switch id="task-enabled" label={t('tasks.form.enabled')} isChecked={enabled} onChange={(_event, checked) => setEnabled(checked)} />
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('tasks.form.enabledHint')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={() => void save()} isLoading={busy} isDisabled={busy}>
          {editing ? t('common.save') : t('tasks.form.create')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
