import { dataOrigins, type DataInventoryFilter, type DataOrigin } from '../../api/dataInventory';

/** The page's filters as the URL keeps them (`?owner=…&source=…&personal=true|false`); empty: any. */
export interface InventoryView {
  owner: string;
  source: DataOrigin | '';
  personal: 'true' | 'false' | '';
}

/** The filters a URL asks for; a value the page does not know (an edited link) counts as no filter. */
export function inventoryViewOf(params: URLSearchParams): InventoryView {
  const source = params.get('source')?.toUpperCase() ?? '';
  const personal = params.get('personal') ?? '';
  return {
    owner: params.get('owner')?.trim() ?? '',
    source: dataOrigins.find((origin) => origin === source) ?? '',
    personal: personal === 'true' || personal === 'false' ? personal : '',
  };
}

/** The URL parameters of a view, leaving out the filters that are not set. */
export function inventoryParamsOf(view: InventoryView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['owner', 'source', 'personal'] as const) {
    if (view[key]) {
      params.set(key, view[key]);
    }
  }
  return params;
}

/** What the server is asked for (it calls the source `origin`). */
export function inventoryFilterOf(view: InventoryView): DataInventoryFilter {
  return {
    ...(view.owner ? { owner: view.owner } : {}),
    ...(view.source ? { origin: view.source } : {}),
    ...(view.personal ? { personal: view.personal === 'true' } : {}),
  };
}

export const noFilter: InventoryView = { owner: '', source: '', personal: '' };
