import {
  Checkbox,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { daysOfWeek, intervalUnits, scheduleKinds, type IntervalUnit, type ScheduleKind } from '../../api/tasks';
import type { ScheduleDraft } from './scheduleForm';

/** IANA zones the browser knows, offered while typing a time zone (any other id can still be typed). */
function knownTimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone')] : ['UTC'];
}

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
 * The schedule of a task: its kind with the kind's members, the time zone, the random start delay, whether a missed
 * start is made up, and the time limit. `errors` are by the API's field path (`schedule/time`).
 */
export function ScheduleFields({
  draft,
  onChange,
  errors,
}: {
  draft: ScheduleDraft;
  onChange: (draft: ScheduleDraft) => void;
  errors: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const zones = useMemo(knownTimeZones, []);
  const change = (next: Partial<ScheduleDraft>) => onChange({ ...draft, ...next });
  const error = (member: string) => errors[`schedule/${member}`];
  const validated = (member: string) => (error(member) ? ('error' as const) : ('default' as const));
  const timed = draft.kind === 'DAILY' || draft.kind === 'WEEKLY' || draft.kind === 'MONTHLY';

  return (
    <>
      <FormGroup label={t('tasks.schedule.kind')} fieldId="task-schedule-kind">
        <FormSelect id="task-schedule-kind" value={draft.kind} onChange={(_event, value) => change({ kind: value as ScheduleKind })} validated={validated('kind')}>
          {scheduleKinds.map((kind) => (
            <FormSelectOption key={kind} value={kind} label={t(`tasks.schedule.kindName.${kind}`)} />
          ))}
        </FormSelect>
        <FieldError message={error('kind')} />
      </FormGroup>

      {draft.kind === 'EVERY' && (
        <Grid hasGutter>
          <GridItem span={6}>
            <FormGroup label={t('tasks.schedule.interval')} isRequired fieldId="task-schedule-interval">
              <TextInput
                id="task-schedule-interval"
                type="number"
                min={1}
                value={draft.interval}
                onChange={(_event, value) => change({ interval: value })}
                validated={validated('interval')}
              />
              <FieldError message={error('interval')} />
            </FormGroup>
          </GridItem>
          <GridItem span={6}>
            <FormGroup label={t('tasks.schedule.unit')} fieldId="task-schedule-unit">
              <FormSelect id="task-schedule-unit" value={draft.unit} onChange={(_event, value) => change({ unit: value as IntervalUnit })}>
                {intervalUnits.map((unit) => (
                  <FormSelectOption key={unit} value={unit} label={t(`tasks.schedule.unitName.${unit}`)} />
                ))}
              </FormSelect>
              <FieldError message={error('unit')} />
            </FormGroup>
          </GridItem>
        </Grid>
      )}

      {(draft.kind === 'ONCE' || draft.kind === 'EVERY') && (
        <FormGroup label={draft.kind === 'ONCE' ? t('tasks.schedule.at') : t('tasks.schedule.firstStart')} isRequired={draft.kind === 'ONCE'} fieldId="task-schedule-at">
          <TextInput
            id="task-schedule-at"
            type="datetime-local"
            value={draft.at}
            onChange={(_event, value) => change({ at: value })}
            validated={validated('at')}
          />
          {error('at') ? (
            <FieldError message={error('at')} />
          ) : (
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{draft.kind === 'ONCE' ? t('tasks.schedule.atHint') : t('tasks.schedule.firstStartHint')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      )}

      {draft.kind === 'WEEKLY' && (
        <FormGroup label={t('tasks.schedule.days')} role="group" isInline fieldId="task-schedule-days">
          {daysOfWeek.map((day) => (
            <Checkbox
              key={day}
              id={`task-schedule-day-${day}`}
              label={t(`tasks.schedule.day.${day}`)}
              isChecked={draft.daysOfWeek.includes(day)}
              onChange={(_event, checked) =>
                change({ daysOfWeek: checked ? [...draft.daysOfWeek, day] : draft.daysOfWeek.filter((chosen) => chosen !== day) })
              }
            />
          ))}
          <FieldError message={error('daysOfWeek')} />
        </FormGroup>
      )}

      {draft.kind === 'MONTHLY' && (
        <FormGroup label={t('tasks.schedule.dayOfMonth')} isRequired fieldId="task-schedule-day-of-month">
          <TextInput
            id="task-schedule-day-of-month"
            type="number"
            min={1}
            max={31}
            value={draft.dayOfMonth}
            onChange={(_event, value) => change({ dayOfMonth: value })}
            validated={validated('dayOfMonth')}
          />
          {error('dayOfMonth') ? (
            <FieldError message={error('dayOfMonth')} />
          ) : (
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('tasks.schedule.dayOfMonthHint')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      )}

      {timed && (
        <FormGroup label={t('tasks.schedule.time')} isRequired fieldId="task-schedule-time">
          <TextInput id="task-schedule-time" type="time" value={draft.time} onChange={(_event, value) => change({ time: value })} validated={validated('time')} />
          <FieldError message={error('time')} />
        </FormGroup>
      )}

      {draft.kind === 'CRON' && (
        <FormGroup label={t('tasks.schedule.cron')} isRequired fieldId="task-schedule-cron">
          <TextInput
            id="task-schedule-cron"
            value={draft.cron}
            onChange={(_event, value) => change({ cron: value })}
            validated={validated('cron')}
            className="garrison-tasks-code"
          />
          {error('cron') ? (
            <FieldError message={error('cron')} />
          ) : (
            <FormHelperText>
              <HelperText>
                <HelperTextItem>{t('tasks.schedule.cronHint')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      )}

      {draft.kind !== 'MANUAL' && (
        <>
          <FormGroup label={t('tasks.schedule.timeZone')} fieldId="task-schedule-zone">
            <TextInput
              id="task-schedule-zone"
              list="task-schedule-zones"
              value={draft.timeZone}
              onChange={(_event, value) => change({ timeZone: value })}
              validated={validated('timeZone')}
            />
            <datalist id="task-schedule-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <FieldError message={error('timeZone')} />
          </FormGroup>
          <FormGroup label={t('tasks.schedule.randomDelay')} fieldId="task-schedule-random-delay">
            <TextInput
              id="task-schedule-random-delay"
              type="number"
              min={0}
              max={1440}
              value={draft.randomDelayMinutes}
              onChange={(_event, value) => change({ randomDelayMinutes: value })}
              validated={validated('randomDelayMinutes')}
            />
            {error('randomDelayMinutes') ? (
              <FieldError message={error('randomDelayMinutes')} />
            ) : (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t('tasks.schedule.randomDelayHint')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
          </FormGroup>
          <FormGroup fieldId="task-schedule-run-if-missed">
            <Checkbox
              id="task-schedule-run-if-missed"
              label={t('tasks.schedule.runIfMissed')}
              description={t('tasks.schedule.runIfMissedHint')}
              isChecked={draft.runIfMissed}
              onChange={(_event, checked) => change({ runIfMissed: checked })}
            />
            <FieldError message={error('runIfMissed')} />
          </FormGroup>
        </>
      )}

      <FormGroup label={t('tasks.schedule.stopAfter')} fieldId="task-schedule-stop-after">
        <TextInput
          id="task-schedule-stop-after"
          type="number"
          min={1}
          max={43200}
          value={draft.stopAfterMinutes}
          onChange={(_event, value) => change({ stopAfterMinutes: value })}
          validated={validated('stopAfterMinutes')}
        />
        {error('stopAfterMinutes') ? (
          <FieldError message={error('stopAfterMinutes')} />
        ) : (
          <FormHelperText>
            <HelperText>
              <HelperTextItem>{t('tasks.schedule.stopAfterHint')}</HelperTextItem>
            </HelperText>
          </FormHelperText>
        )}
      </FormGroup>
    </>
  );
}
