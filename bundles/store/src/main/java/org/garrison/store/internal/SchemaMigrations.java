package org.garrison.store.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.SchemaRegistry;
import org.garrison.api.store.SchemaState;
import org.garrison.api.store.SchemaStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema extender: tracks started bundles that declare {@value MigratedSchema#HEADER}, migrates their schema on
 * a thread of its own (never on the framework's), and then registers a {@link MigratedSchema} service from the
 * bundle's own context, so the service disappears with the bundle and comes back, after migrating again, when the
 * bundle is updated.
 */
@Component(service = SchemaRegistry.class, immediate = true)
public class SchemaMigrations implements SchemaRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final LiquibaseMigrator migrator;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "garrison-schema-migrations");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, TrackedSchema> schemas = new ConcurrentHashMap<>();
    private final BundleTracker<TrackedSchema> tracker;
    private volatile boolean closing;

    @Activate
    public SchemaMigrations(BundleContext context,
            @Reference(name = "dataSource", target = StoreDataSource.TARGET) DataSource dataSource) {
        this.migrator = new LiquibaseMigrator(dataSource);
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    /**
     * Lets a running migration finish (interrupting it would leave Derby's files and the schema's lock behind) and
     * drops those still queued.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        closing = true;
        tracker.close();
        executor.shutdown();
        if (!executor.awaitTermination(2, TimeUnit.MINUTES)) {
            LOG.warn("A schema migration is still running after 2 minutes; stopping without waiting for it");
        }
    }

    @Override
    public List<SchemaStatus> schemas() {
        return schemas.values().stream().map(TrackedSchema::status)
                .sorted(Comparator.comparing(SchemaStatus::name).thenComparing(SchemaStatus::bundle)).toList();
    }

    private TrackedSchema track(Bundle bundle) {
        String header = bundle.getHeaders("").get(MigratedSchema.HEADER);
        if (header == null) {
            return null;
        }
        TrackedSchema tracked = declare(bundle, header);
        schemas.put(bundle.getBundleId(), tracked);
        return tracked;
    }

    private TrackedSchema declare(Bundle bundle, String header) {
        SchemaDeclaration declaration;
        try {
            declaration = SchemaDeclaration.parse(header);
        } catch (IllegalArgumentException e) {
            TrackedSchema invalid = new TrackedSchema(bundle, "(invalid)", null);
            invalid.fail(e.getMessage());
            return invalid;
        }
        TrackedSchema tracked = new TrackedSchema(bundle, declaration.name(), declaration);
        String owner = ownerOf(declaration.name(), bundle);
        if (owner != null) {
            tracked.fail("Schema name '" + declaration.name() + "' is already owned by bundle " + owner);
        } else {
            tracked.state(SchemaState.MIGRATING, null);
            executor.execute(() -> migrate(tracked));
        }
        return tracked;
    }

    private String ownerOf(String name, Bundle candidate) {
        return schemas.values().stream()
                .filter(s -> s.name.equals(name) && s.bundle.getBundleId() != candidate.getBundleId()
                        && s.status().state() != SchemaState.FAILED)
                .map(s -> s.bundle.getSymbolicName()).findFirst().orElse(null);
    }

    private void migrate(TrackedSchema tracked) {
        if (closing || tracked.isCancelled()) {
            return;
        }
        Bundle bundle = tracked.bundle;
        long started = System.nanoTime();
        try {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                return;
            }
            migrator.migrate(tracked.declaration, wiring.getClassLoader());
            tracked.ready(clock.instant());
            LOG.info("Schema '{}' of {} is up to date ({} ms)", tracked.name, bundle.getSymbolicName(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (LiquibaseMigrator.MigrationException e) {
            tracked.fail(e.getMessage());
            LOG.error("Schema '{}' of {} could not be migrated: {}", tracked.name, bundle.getSymbolicName(),
                    e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            // e.g. the bundle stopped while we were migrating (its next start migrates again), or a broken library
            tracked.fail("Migration aborted: " + e);
            LOG.error("Schema '{}' of {} could not be migrated", tracked.name, bundle.getSymbolicName(), e);
        }
    }

    private final class Customizer implements BundleTrackerCustomizer<TrackedSchema> {

        @Override
        public TrackedSchema addingBundle(Bundle bundle, BundleEvent event) {
            return track(bundle);
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, TrackedSchema tracked) {
            // STARTING -> ACTIVE: nothing changes for the schema
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, TrackedSchema tracked) {
            tracked.cancel();
            schemas.remove(bundle.getBundleId(), tracked);
        }
    }

    /** One bundle's schema while that bundle is started. */
    private final class TrackedSchema {

        final Bundle bundle;
        final String name;
        final SchemaDeclaration declaration;
        private volatile SchemaStatus status;
        private ServiceRegistration<MigratedSchema> registration;
        private boolean cancelled;

        TrackedSchema(Bundle bundle, String name, SchemaDeclaration declaration) {
            this.bundle = bundle;
            this.name = name;
            this.declaration = declaration;
        }

        SchemaStatus status() {
            return status;
        }

        void state(SchemaState state, String message) {
            status = new SchemaStatus(name, bundle.getSymbolicName(), state, message, clock.instant());
        }

        void fail(String message) {
            state(SchemaState.FAILED, message);
        }

        synchronized boolean isCancelled() {
            return cancelled;
        }

        synchronized void ready(Instant migratedAt) {
            if (cancelled) {
                return;
            }
            BundleContext context = bundle.getBundleContext();
            if (context == null) {
                return;
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(MigratedSchema.SCHEMA_PROPERTY, name);
            registration = context.registerService(MigratedSchema.class, new Ready(name, migratedAt), properties);
            state(SchemaState.READY, null);
        }

        synchronized void cancel() {
            cancelled = true;
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregisters a stopping bundle's services itself
                }
                registration = null;
            }
        }
    }

    private record Ready(String name, Instant migratedAt) implements MigratedSchema {
    }
}
