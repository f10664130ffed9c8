import { describe, expect, it } from 'vitest';
import { inventoryFilterOf, inventoryParamsOf, inventoryViewOf } from './inventoryView';

describe('Data inventory view in the URL', () => {
  it('reads the filters of a link, the source in any letter case', () => {
    const view = inventoryViewOf(new URLSearchParams('owner=endpoint-protection&source=application&personal=false'));
    expect(view).toEqual({ owner: 'endpoint-protection', source: 'APPLICATION', personal: 'false' });
    expect(inventoryFilterOf(view)).toEqual({ owner: 'endpoint-protection', origin: 'APPLICATION', personal: false });
  });

  it('ignores values it does not know rather than asking the server with them', () => {
    const view = inventoryViewOf(new URLSearchParams('source=somewhere&personal=yes&owner=%20'));
    expect(view).toEqual({ owner: '', source: '', personal: '' });
    expect(inventoryFilterOf(view)).toEqual({});
    expect(inventoryParamsOf(view).toString()).toBe('');
  });

  it('writes only the filters that are set', () => {
    expect(inventoryParamsOf({ owner: 'core', source: '', personal: 'true' }).toString()).toBe('owner=core&personal=true');
  });
});
