package org.garrison.devices.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the free-text search terms to devices stored before search used them, once, on its own thread after the
 * server starts, in small transactions. Until it is done, search falls back to matching text anywhere in the
 * values (slow with many devices, but complete); new and changed devices get their terms as they are written.
 */
@Component
public class DeviceSearchBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSearchBackfill.class);
    private static final int BATCH = 500;
    private static final int RETRIES = 3;

    private final Transactions transactions;
    private final SearchTermRepository terms = new SearchTermRepository(new DeviceRepository());
    private ExecutorService executor;

    @Activate
    public DeviceSearchBackfill(@Reference Transactions transactions,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=devices)") MigratedSchema schema) {
        this.transactions = transactions;
    }

    @Activate
    void start() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "garrison-device-search-backfill");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(() -> {
            try {
                fill();
            } catch (StoreException e) {
                LOG.warn("Search terms of existing devices not filled in, next start tries again: {}",
                        e.getMessage());
            }
        });
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Fills in the terms of every device that has none, then marks search as relying on them.
     *
     * @return how many batches it took (0 when search relied on the terms already)
     */
    public int fill() {
        if (transactions.inTransaction(terms::complete)) {
            return 0;
        }
        String after = "";
        int batches = 0;
        int failures = 0;
        while (after != null && !Thread.currentThread().isInterrupted()) {
            String from = after;
            try {
                after = transactions.inTransaction(c -> terms.fillBatch(c, from, BATCH));
                batches++;
                failures = 0;
            } catch (StoreException e) {
                // a device of the batch deleted meanwhile fails the batch; read it again without that device
                if (++failures == RETRIES) {
                    throw e;
                }
            }
        }
        if (after == null) {
            transactions.runInTransaction(terms::markComplete);
            LOG.info("Search terms filled in for the devices stored before them ({} batches)", batches);
        }
        return batches;
    }
}
