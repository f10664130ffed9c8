import { describe, expect, it } from 'vitest';
import { choicesOf, fieldKindOf, fieldPathsOf, labelOf, placeErrors, resolve, typeOf, withDefaults, type JsonSchema } from './schema';

const settings: JsonSchema = {
  type: 'object',
  properties: {
    realTimeProtection: { type: 'boolean', default: true },
    scan: {
      type: 'object',
      properties: {
        schedule: { $ref: '#/$defs/schedule' },
        level: { enum: ['low', 'high'], default: 'low' },
      },
    },
    exclusions: { type: 'array', items: { type: 'string' } },
    hosts: { type: 'array', items: { $ref: '#/$defs/host' } },
  },
  $defs: {
    schedule: { type: 'object', properties: { interval: { type: 'integer', default: 6 }, startAt: { type: 'string', format: 'time' } } },
    host: { type: 'object', properties: { address: { type: 'string', format: 'ipv4' }, port: { type: 'integer', default: 443 } } },
  },
};

describe('schema references', () => {
  it('follows local references, keywords beside the reference winning', () => {
    const resolved = resolve({ $ref: '#/$defs/schedule', title: 'When to scan' }, settings);
    expect(resolved.title).toBe('When to scan');
    expect(Object.keys(resolved.properties ?? {})).toEqual(['interval', 'startAt']);
  });

  it('follows chains and escaped pointer segments, and leaves unknown or looping references alone', () => {
    const root: JsonSchema = {
      $defs: { 'a/b': { $ref: '#/$defs/c~0d' }, 'c~d': { type: 'string' }, loop: { $ref: '#/$defs/loop' } },
    };
    expect(resolve({ $ref: '#/$defs/a~1b' }, root).type).toBe('string');
    expect(resolve({ $ref: 'https://example.org/other.json' }, root).$ref).toBe('https://example.org/other.json');
    expect(resolve({ $ref: '#/$defs/missing' }, root).$ref).toBe('#/$defs/missing');
    expect(resolve({ $ref: '#/$defs/loop' }, root).$ref).toBe('#/$defs/loop');
  });
});

describe('field kinds', () => {
  it('tells the form how to show each kind of setting', () => {
    const kind = (schema: JsonSchema) => fieldKindOf(resolve(schema, settings), settings).kind;
    expect(kind({ type: 'boolean' })).toBe('boolean');
    expect(kind({ type: 'integer' })).toBe('number');
    expect(kind({ type: ['number', 'null'] })).toBe('number');
    expect(kind({ type: 'string', format: 'email' })).toBe('string');
    expect(kind({ enum: ['a', 'b'] })).toBe('choice');
    expect(kind({ type: 'array', items: { type: 'string' } })).toBe('value-list');
    expect(kind({ type: 'array', items: { enum: ['a', 'b'] } })).toBe('choice-list');
    expect(kind({ type: 'array', items: { $ref: '#/$defs/host' } })).toBe('object-list');
    expect(kind({ $ref: '#/$defs/schedule' })).toBe('object');
    expect(kind({ type: 'object', additionalProperties: { type: 'string' } })).toBe('json');
    expect(kind({ oneOf: [{ type: 'string' }, { type: 'integer' }] })).toBe('json');
    expect(kind({ type: 'array', items: { type: 'array' } })).toBe('json');
  });

  it('reads labelled choices from a oneOf of constants', () => {
    expect(choicesOf({ oneOf: [{ const: 1, title: 'Low' }, { const: 2 }] })).toEqual([
      { value: 1, label: 'Low' },
      { value: 2, label: '2' },
    ]);
    expect(typeOf({ type: ['null', 'string'] })).toBe('string');
  });

  it('labels a setting by its title, else by its name in words', () => {
    expect(labelOf({ title: 'Real-time protection' }, 'rtp')).toBe('Real-time protection');
    expect(labelOf({}, 'realTimeProtection')).toBe('Real time protection');
    expect(labelOf({}, 'scan_schedule-interval')).toBe('Scan schedule interval');
  });
});

describe('defaults', () => {
  it('fills missing settings with their defaults, nested objects included, keeping values that are there', () => {
    expect(withDefaults(settings, { scan: { level: 'high' } })).toEqual({
      realTimeProtection: true,
      scan: { level: 'high', schedule: { interval: 6 } },
    });
  });

  it('does not create an object that gets no default', () => {
    expect(withDefaults({ type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } })).toEqual({});
  });
});

describe('error placement', () => {
  const value = { scan: { schedule: { interval: 0 } }, exclusions: ['a', 'a'], hosts: [{ address: 'x' }] };
  const paths = fieldPathsOf(settings, value);

  it('knows every field the form shows, list entries included', () => {
    expect(paths).toEqual([
      'realTimeProtection',
      'scan',
      'scan/schedule',
      'scan/schedule/interval',
      'scan/schedule/startAt',
      'scan/level',
      'exclusions',
      'hosts',
      'hosts/0',
      'hosts/0/address',
      'hosts/0/port',
    ]);
  });

  it('places errors on their field, else on the nearest enclosing one, else on the form', () => {
    const placed = placeErrors(
      [
        { field: 'scan/schedule/interval', message: 'must be at least 1' },
        { field: '/hosts/0/address', message: 'does not match the ipv4 format' },
        { field: 'exclusions/1', message: 'must be unique' },
        { field: 'scan/unknown/deeper', message: 'is not allowed' },
        { field: '', message: 'must be an object' },
        { field: 'nowhere', message: 'is unknown' },
      ],
      paths,
    );
    expect(placed.get('scan/schedule/interval')).toEqual(['must be at least 1']);
    expect(placed.get('hosts/0/address')).toEqual(['does not match the ipv4 format']);
    expect(placed.get('exclusions')).toEqual(['1: must be unique']);
    expect(placed.get('scan')).toEqual(['unknown/deeper: is not allowed']);
    expect(placed.get('')).toEqual(['must be an object', 'nowhere: is unknown']);
  });

  it('takes only the errors below a prefix, and understands $.a.b paths', () => {
    const placed = placeErrors(
      [
        { field: 'settings/scan/level', message: 'must be one of low, high' },
        { field: '$.settings.hosts[0].port', message: 'must be an integer' },
        { field: 'name', message: 'must not be blank' },
      ],
      paths,
      'settings',
    );
    expect(placed.get('scan/level')).toEqual(['must be one of low, high']);
    expect(placed.get('hosts/0/port')).toEqual(['must be an integer']);
    expect([...placed.keys()]).toEqual(['scan/level', 'hosts/0/port']);
  });
});
