package org.garrison.audit.internal.datainventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every kind of data the server holds, as the registered {@link DataInventoryProvider}s declare it: one per core area,
 * and one per active plugin that the extender registers and removes while the server runs. Providers are asked on
 * every listing, so the answer is always the live state. A provider that fails is left out and logged, so one broken
 * plugin cannot hide what the others hold.
 */
@Component(service = DataInventory.class)
public class DataInventory {

    private static final Logger LOG = LoggerFactory.getLogger(DataInventory.class);
    private static final Comparator<DataItem> ORDER = Comparator.comparing(DataItem::owner)
            .thenComparing(DataItem::id);

    private final List<DataInventoryProvider> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeProvider")
    public void addProvider(DataInventoryProvider provider) {
        providers.add(provider);
    }

    public void removeProvider(DataInventoryProvider provider) {
        providers.remove(provider);
    }

    /** The items the filter matches, sorted by owner, then id. */
    public List<DataItem> items(DataInventoryFilter filter) {
        List<DataItem> matching = new ArrayList<>();
        for (DataInventoryProvider provider : providers) {
            for (DataItem item : declared(provider)) {
                if (item != null && filter.matches(item)) {
                    matching.add(item);
                }
            }
        }
        matching.sort(ORDER);
        return matching;
    }

    private static List<DataItem> declared(DataInventoryProvider provider) {
        try {
            List<DataItem> items = provider.dataItems();
            return items == null ? List.of() : items;
        } catch (RuntimeException e) {
            LOG.warn("The data inventory provider {} failed and is left out of the data inventory",
                    provider.getClass().getName(), e);
            return List.of();
        }
    }
}
