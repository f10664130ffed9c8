import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n/language';
import type { Language } from '../../i18n/resources';
import { SchemaForm, type SchemaFormProps } from './SchemaForm';
import { instantOf, localDateTimeOf } from './ScalarFields';
import type { JsonObject, JsonSchema } from './schema';

const settings: JsonSchema = {
  type: 'object',
  required: ['realTimeProtection'],
  properties: {
    realTimeProtection: { type: 'boolean', title: 'Real-time protection', description: 'Scans files as they are opened.', default: true },
    scan: {
      type: 'object',
      title: 'Scan',
      properties: {
        schedule: {
          type: 'object',
          title: 'Schedule',
          required: ['interval'],
          properties: {
            interval: { type: 'integer', title: 'Interval (hours)', minimum: 1, maximum: 24 },
            startAt: { type: 'string', format: 'time', title: 'Start at' },
          },
        },
        level: { enum: ['low', 'recommended', 'high'], title: 'Security level', default: 'recommended' },
        cpuShare: { type: 'number', title: 'CPU share', exclusiveMinimum: 0, maximum: 1 },
      },
    },
    exclusions: { type: 'array', title: 'Excluded paths', items: { type: 'string' }, uniqueItems: true, maxItems: 3 },
    ports: { type: 'array', title: 'Ports', items: { type: 'integer' } },
    actions: { type: 'array', title: 'Actions on threats', items: { enum: ['disinfect', 'quarantine', 'delete'] } },
    notify: { type: 'string', format: 'email', title: 'Notify' },
    licence: { $ref: '#/$defs/licence' },
    trustedHosts: {
      type: 'array',
      title: 'Trusted hosts',
      minItems: 0,
      items: {
        type: 'object',
        title: 'Trusted host',
        required: ['address'],
        properties: { address: { type: 'string', format: 'ipv4', title: 'Address' }, port: { type: 'integer', title: 'Port', default: 443 } },
      },
    },
    extra: { type: 'object', title: 'Extra', additionalProperties: { type: 'string' } },
  },
  $defs: {
    licence: {
      type: 'object',
      title: 'Licence',
      properties: { key: { type: 'string', title: 'Key', maxLength: 40 }, expires: { type: 'string', format: 'date-time', title: 'Expires' } },
    },
  },
};

type Props = Omit<SchemaFormProps, 'value' | 'onChange' | 'schema'> & { schema?: JsonSchema; value?: JsonObject };

/** Renders the form with its value held like a page would; every change is recorded. */
function renderForm(props: Props = {}, language: Language = 'en') {
  const changes: JsonObject[] = [];
  function Page() {
    const [value, setValue] = useState<JsonObject>(props.value ?? {});
    return (
      <SchemaForm
        {...props}
        schema={props.schema ?? settings}
        value={value}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    );
  }
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <Page />
    </I18nextProvider>,
  );
  return { user: userEvent.setup(), last: () => changes.at(-1), changes };
}

const group = (name: string) => screen.getByRole('group', { name: new RegExp(`^${name}`) });

describe('SchemaForm', () => {
  it('renders every kind of setting with its label, description, default and required marker', () => {
    renderForm();

    const protection = screen.getByRole('switch', { name: /^Real-time protection/ });
    expect(protection.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Scans files as they are opened.')).toBeTruthy();
    expect(screen.getByText('Default: On')).toBeTruthy();
    expect(screen.getByText('Default: recommended')).toBeTruthy();
    expect(group('Scan')).toBeTruthy();
    expect(within(group('Schedule')).getByLabelText(/^Interval \(hours\)/).getAttribute('inputmode')).toBe('numeric');
    expect(screen.getByText('From 1 to 24')).toBeTruthy();
    expect(screen.getByText('At most 1, more than 0')).toBeTruthy();
    expect(screen.getByLabelText(/^Start at/).getAttribute('type')).toBe('time');
    expect(screen.getByText('Time zone: UTC')).toBeTruthy();
    expect(screen.getByLabelText('Notify').getAttribute('type')).toBe('email');
    expect(screen.getByRole('combobox', { name: 'Security level' })).toBeTruthy();
    expect(within(group('Actions on threats')).getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByRole('textbox', { name: 'New entry for Excluded paths' })).toBeTruthy();
    expect(within(group('Licence')).getByLabelText('Key').getAttribute('maxlength')).toBe('40');
    expect(within(group('Licence')).getByLabelText('Expires').getAttribute('type')).toBe('datetime-local');
    expect(screen.getByRole('button', { name: 'Add Trusted host' })).toBeTruthy();
    expect(screen.getByText('Edited as JSON.')).toBeTruthy();
    // The required markers: the switch's and the interval's labels carry the asterisk.
    expect(screen.getByText('Real-time protection').closest('label')?.textContent).toContain('*');
    expect(screen.getByText('Interval (hours)').closest('label')?.textContent).toContain('*');
    expect(screen.getByText('Notify').closest('label')?.textContent).not.toContain('*');
  });

  it('edits booleans, nested numbers, choices, times and texts into one JSON value', async () => {
    const { user, last } = renderForm();

    await user.click(screen.getByRole('switch', { name: /^Real-time protection/ }));
    expect(last()).toEqual({ realTimeProtection: true });
    await user.click(screen.getByRole('switch', { name: /^Real-time protection/ }));
    expect(last()).toEqual({ realTimeProtection: false });

    await user.type(screen.getByLabelText(/^Interval \(hours\)/), '12');
    expect(last()).toEqual({ realTimeProtection: false, scan: { schedule: { interval: 12 } } });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Security level' }), 'high');
    expect(last()?.scan).toEqual({ schedule: { interval: 12 }, level: 'high' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Security level' }), 'Not set');
    expect(last()?.scan).toEqual({ schedule: { interval: 12 } });

    fireEvent.change(screen.getByLabelText(/^Start at/), { target: { value: '02:30' } });
    expect((last()?.scan as JsonObject).schedule).toEqual({ interval: 12, startAt: '02:30:00Z' });

    await user.type(screen.getByLabelText('Notify'), 'soc@example.org');
    expect(last()?.notify).toBe('soc@example.org');
    await user.clear(screen.getByLabelText('Notify'));
    expect(last()).not.toHaveProperty('notify');
  });

  it('refuses a fraction in a whole-number field and keeps the last good value', async () => {
    const { user, last } = renderForm({ value: { scan: { schedule: { interval: 4 } } } });

    const interval = screen.getByLabelText(/^Interval \(hours\)/);
    expect((interval as HTMLInputElement).value).toBe('4');
    await user.type(interval, '.5');
    expect(await screen.findByText('Enter a whole number.')).toBeTruthy();
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    expect(last()?.scan).toEqual({ schedule: { interval: 4 } });

    await user.clear(interval);
    expect(last()?.scan).toEqual({ schedule: {} });
    expect(screen.queryByText('Enter a whole number.')).toBeNull();
  });

  it('adds and removes list entries as chips, refusing duplicates and more than the maximum', async () => {
    const { user, last } = renderForm();
    const entry = screen.getByRole('textbox', { name: 'New entry for Excluded paths' });

    await user.type(entry, 'C:\\Temp{Enter}');
    await user.type(entry, '/var/cache');
    await user.click(within(group('Excluded paths')).getByRole('button', { name: 'Add' }));
    expect(last()?.exclusions).toEqual(['C:\\Temp', '/var/cache']);

    await user.type(entry, '/var/cache{Enter}');
    expect(screen.getByText('/var/cache is already in the list.')).toBeTruthy();
    await user.clear(entry);
    await user.type(entry, '/tmp{Enter}');
    expect(last()?.exclusions).toEqual(['C:\\Temp', '/var/cache', '/tmp']);
    expect((entry as HTMLInputElement).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Remove /var/cache' }));
    expect(last()?.exclusions).toEqual(['C:\\Temp', '/tmp']);

    const port = screen.getByRole('textbox', { name: 'New entry for Ports' });
    await user.type(port, 'https{Enter}');
    expect(screen.getByText('Enter a whole number.')).toBeTruthy();
    await user.clear(port);
    await user.type(port, '8443{Enter}');
    expect(last()?.ports).toEqual([8443]);
  });

  it('keeps chosen list choices in the schema order', async () => {
    const { user, last } = renderForm();

    await user.click(screen.getByRole('checkbox', { name: 'quarantine' }));
    await user.click(screen.getByRole('checkbox', { name: 'disinfect' }));
    expect(last()?.actions).toEqual(['disinfect', 'quarantine']);
    await user.click(screen.getByRole('checkbox', { name: 'quarantine' }));
    expect(last()?.actions).toEqual(['disinfect']);
  });

  it('repeats a sub-form per entry of a list of objects, new entries with their defaults', async () => {
    const { user, last } = renderForm();

    await user.click(screen.getByRole('button', { name: 'Add Trusted host' }));
    expect(last()?.trustedHosts).toEqual([{ port: 443 }]);
    const first = group('Trusted host 1');
    await user.type(within(first).getByLabelText(/^Address/), '10.0.0.1');
    expect(last()?.trustedHosts).toEqual([{ port: 443, address: '10.0.0.1' }]);

    await user.click(screen.getByRole('button', { name: 'Add Trusted host' }));
    await user.type(within(group('Trusted host 2')).getByLabelText(/^Address/), '10.0.0.2');
    await user.click(within(group('Trusted host 1')).getByRole('button', { name: 'Remove Trusted host 1' }));
    expect(last()?.trustedHosts).toEqual([{ port: 443, address: '10.0.0.2' }]);
    expect(screen.queryByRole('group', { name: /^Trusted host 2/ })).toBeNull();
  });

  it('edits a setting it has no control for as JSON, refusing text that is not JSON', async () => {
    const { user, last } = renderForm();
    const extra = screen.getByLabelText('Extra');

    await user.click(extra);
    await user.paste('{"a": 1');
    expect(screen.getByText(/^This is not valid JSON/)).toBeTruthy();
    expect(last()).toBeUndefined();
    await user.paste('}');
    expect(last()?.extra).toEqual({ a: 1 });
  });

  it('shows date-times in local time and keeps them as UTC instants', () => {
    expect(localDateTimeOf('')).toBe('');
    expect(localDateTimeOf('next tuesday')).toBeUndefined();
    const local = localDateTimeOf('2026-11-26T09:30:00Z')!;
    expect(local).toMatch(/^2026-11-2\dT\d\d:30$/);
    expect(instantOf(local)).toBe('2026-11-26T09:30:00Z');
  });

  it('places server errors on their fields, enclosing fields and the form', () => {
    renderForm({
      value: { scan: { schedule: { interval: 0 } }, exclusions: ['a', 'a'], trustedHosts: [{ address: '999.1.1.1' }] },
      errorPrefix: 'settings',
      errors: [
        { field: 'settings/scan/schedule/interval', message: 'must have a minimum value of 1' },
        { field: 'settings/exclusions/1', message: 'must be unique' },
        { field: 'settings/trustedHosts/0/address', message: 'does not match the ipv4 pattern' },
        { field: 'settings/unknownSetting', message: 'is not defined in the schema' },
        { field: 'name', message: 'must not be blank' },
      ],
    });

    const interval = screen.getByLabelText(/^Interval \(hours\)/);
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(interval.getAttribute('aria-describedby')!)?.textContent).toContain('must have a minimum value of 1');
    expect(within(group('Excluded paths')).getByText('1: must be unique')).toBeTruthy();
    expect(within(group('Trusted host 1')).getByText('does not match the ipv4 pattern')).toBeTruthy();
    const general = screen.getByText('Some settings are not valid').closest('.pf-v6-c-alert') as HTMLElement;
    expect(within(general).getByText('unknownSetting: is not defined in the schema')).toBeTruthy();
    expect(screen.queryByText(/must not be blank/)).toBeNull();
  });

  it('offers lock toggles on settings and tells which are locked', async () => {
    const onLock = vi.fn();
    const { user } = renderForm({ locks: { locked: ['scan/schedule/interval'], onChange: onLock } });

    const intervalLock = screen.getByRole('button', { name: 'Lock Interval (hours)' });
    expect(intervalLock.getAttribute('aria-pressed')).toBe('true');
    const levelLock = screen.getByRole('button', { name: 'Lock Security level' });
    expect(levelLock.getAttribute('aria-pressed')).toBe('false');
    // Groups of settings get none unless listed as lockable.
    expect(screen.queryByRole('button', { name: 'Lock Scan' })).toBeNull();

    await user.click(levelLock);
    expect(onLock).toHaveBeenCalledWith('scan/level', true);
    await user.click(intervalLock);
    expect(onLock).toHaveBeenCalledWith('scan/schedule/interval', false);
  });

  it('offers lock toggles only on the settings listed as lockable', () => {
    renderForm({ locks: { locked: [], lockable: ['scan', 'notify'], onChange: () => undefined } });

    expect(screen.getAllByRole('button', { name: /^Lock / }).map((button) => button.getAttribute('aria-label'))).toEqual([
      'Lock Scan',
      'Lock Notify',
    ]);
  });

  it('shows inherited settings read-only with where they come from', () => {
    renderForm({
      value: { realTimeProtection: true, scan: { level: 'high', schedule: { interval: 2 } } },
      locks: { locked: [], onChange: () => undefined },
      inherited: {
        realTimeProtection: { origin: 'policy Office of group Berlin', locked: true },
        scan: { origin: 'policy Baseline of group Managed devices' },
      },
    });

    const protection = screen.getByRole('switch', { name: /^Real-time protection/ }) as HTMLInputElement;
    expect(protection.disabled).toBe(true);
    expect(screen.getByText('Locked by policy Office of group Berlin')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lock Real-time protection' })).toBeNull();
    expect(within(group('Scan')).getByText('Inherited from policy Baseline of group Managed devices')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Security level' }) as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText(/^Interval \(hours\)/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Notify') as HTMLInputElement).disabled).toBe(false);
  });

  it('tells which value applies from above where the form has none of its own', () => {
    renderForm({
      value: { scan: { level: 'high' } },
      above: {
        realTimeProtection: { value: false, origin: 'policy Company of group Managed devices' },
        'scan/level': { value: 'low', origin: 'policy Company of group Managed devices' },
      },
    });

    expect(screen.getByText('Applies now: Off, from policy Company of group Managed devices')).toBeTruthy();
    // Its own default gives way to the value above; a field with a value of its own shows no hint.
    expect(screen.queryByText('Default: On')).toBeNull();
    expect(screen.queryByText(/Applies now: low/)).toBeNull();
    expect((screen.getByRole('switch', { name: /^Real-time protection/ }) as HTMLInputElement).disabled).toBe(false);
  });

  it('clears a setting, a switch and a whole group included, so that the value above applies again', async () => {
    const { user, last } = renderForm({ clearable: true, value: { realTimeProtection: false, scan: { level: 'high', schedule: { interval: 2 } } } });

    expect(screen.queryByRole('button', { name: 'Clear Notify' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear Real-time protection' }));
    expect(last()).toEqual({ scan: { level: 'high', schedule: { interval: 2 } } });
    expect(screen.queryByRole('button', { name: 'Clear Real-time protection' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Clear Security level' }));
    expect(last()).toEqual({ scan: { schedule: { interval: 2 } } });
    await user.click(screen.getByRole('button', { name: 'Clear Scan' }));
    expect(last()).toEqual({});
  });

  it('offers no clear button on settings locked above or in a read-only form', () => {
    renderForm({
      clearable: true,
      readOnly: false,
      value: { realTimeProtection: true, notify: 'soc@example.org' },
      inherited: { realTimeProtection: { origin: 'policy Company', locked: true } },
    });
    expect(screen.queryByRole('button', { name: 'Clear Real-time protection' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Clear Notify' })).toBeTruthy();
  });

  it('shows everything without controls to change it when read-only', () => {
    renderForm({ readOnly: true, value: { exclusions: ['/tmp'], trustedHosts: [{ address: '10.0.0.1' }] } });

    for (const input of screen.getAllByRole('textbox')) {
      expect((input as HTMLInputElement | HTMLTextAreaElement).disabled, input.id).toBe(true);
    }
    expect(screen.getByText('/tmp')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove /tmp' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Add/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('submits through its own form element and speaks German', async () => {
    const onSubmit = vi.fn();
    const changes: JsonObject[] = [];
    render(
      <I18nextProvider i18n={createI18n('de')}>
        <SchemaForm id="settings-form" schema={settings} value={{}} onChange={(next) => changes.push(next)} onSubmit={onSubmit} />
        <button type="submit" form="settings-form">
          Speichern
        </button>
      </I18nextProvider>,
    );
    const user = userEvent.setup();

    expect(screen.getByText('Standard: Ein')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Trusted host hinzufügen' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('says so when the schema has no settings', () => {
    renderForm({ schema: { type: 'object', properties: {} } });
    expect(screen.getByText('There are no settings.')).toBeTruthy();
  });
});
