package org.garrison.extender.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.garrison.api.Actor;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.plugin.PluginHeaders;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginListener;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.plugin.PluginSignature;
import org.garrison.api.plugin.PluginState;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.store.PluginSchemas;
import org.garrison.api.store.SchemaState;
import org.garrison.api.store.SchemaStatus;
import org.garrison.extender.internal.descriptor.BundleFiles;
import org.garrison.extender.internal.descriptor.DescriptorReader;
import org.garrison.extender.internal.descriptor.PluginDescriptor;
import org.garrison.extender.internal.descriptor.PluginHeader;
import org.garrison.extender.internal.descriptor.PluginMigrations;
import org.garrison.extender.internal.descriptor.PluginVersion;
import org.garrison.extender.internal.jar.CheckedJar;
import org.garrison.extender.internal.jar.PluginJarCheck;
import org.garrison.extender.internal.schema.JsonSchemaService;
import org.garrison.extender.internal.signature.SignatureMode;
import org.garrison.extender.internal.signature.SigningPolicy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin extender and registry. A {@link BundleTracker} follows every bundle carrying the
 * {@value PluginHeaders#PLUGIN} header, however it got installed (REST upload, shell, the {@code deploy/} folder,
 * {@code bundle:install}); every change is worked out on the extender's own thread, one at a time, never on the
 * framework's. A started plugin is accepted (valid descriptor, compatible server, unique id), migrated, and then
 * activated; a plugin that fails any of these is refused: its bundle is stopped transiently, so its code never runs
 * and the framework starts it again at the next server start, when it is checked again. Refusal reasons are kept in
 * memory only; everything else about plugins is the framework's own bundle state.
 */
@Component(service = {PluginRegistry.class, PluginExtender.class}, immediate = true,
        configurationPid = PluginsConfig.PID)
@Designate(ocd = PluginsConfig.class)
public class PluginExtender implements PluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PluginExtender.class);

    /** Where bundles installed through the registry come from; other locations belong to who installed them. */
    static final String LOCATION_PREFIX = "garrison-plugin:";

    /** How long an install, start or stop waits for the plugin to settle (migrations included). */
    private static final long SETTLE_SECONDS = 300;

    private final BundleContext context;
    private final FrameworkWiring frameworkWiring;
    private final PluginSchemas pluginSchemas;
    private final DescriptorReader descriptors;
    private final PluginJarCheck jarCheck;
    private final PluginVersion serverVersion;
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, TrackedPlugin> plugins = new ConcurrentHashMap<>();
    private final List<PluginListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "garrison-plugin-extender");
        thread.setDaemon(true);
        return thread;
    });
    private final BundleTracker<Bundle> tracker;
    private volatile SigningPolicy signing;

    @Activate
    public PluginExtender(BundleContext context, @Reference JsonSchemaService schemas,
            @Reference PluginSchemas pluginSchemas, PluginsConfig config) {
        this.context = context;
        this.signing = signingPolicy(context, config);
        this.frameworkWiring = context.getBundle(0).adapt(FrameworkWiring.class);
        this.pluginSchemas = pluginSchemas;
        this.descriptors = new DescriptorReader(schemas.schemas());
        this.jarCheck = new PluginJarCheck(descriptors, MAX_JAR_BYTES);
        this.serverVersion = PluginVersion.ofServer(context.getBundle().getHeaders("").get("Garrison-Version"));
        this.tracker = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING
                | Bundle.ACTIVE | Bundle.STOPPING, new Customizer());
        tracker.open();
    }

    /**
     * Takes a new signature setting: every plugin's signature is checked again, and when signatures are now
     * required, an active plugin without a trusted one is refused at once.
     */
    @Modified
    void modified(PluginsConfig config) {
        signing = signingPolicy(context, config);
        runOnExtenderThread(() -> plugins.values().forEach(plugin -> {
            plugin.signed(checkSignature(plugin.bundle));
            Optional<String> refusal = signing.refusal(plugin.signature());
            if (refusal.isPresent() && (plugin.activation() != null
                    || plugin.info().state() == PluginState.STARTING)) {
                refuse(plugin, refusal.get());
            } else {
                move(plugin, plugin.info().state(), plugin.info().message());
            }
        }));
    }

    private static SigningPolicy signingPolicy(BundleContext context, PluginsConfig config) {
        String etc = context.getProperty("karaf.etc");
        Path folder = Path.of(etc == null ? "etc" : etc).resolve(config.trustedSigners());
        SignatureMode mode;
        try {
            mode = SignatureMode.of(config.signatures());
        } catch (IllegalArgumentException e) {
            // a mistyped security setting fails closed
            LOG.error("{} in {}; plugins are checked as with signatures = require", e.getMessage(), PluginsConfig.PID);
            mode = SignatureMode.REQUIRE;
        }
        return new SigningPolicy(mode, folder);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(PluginListener listener) {
        listeners.add(listener);
    }

    void removeListener(PluginListener listener) {
        listeners.remove(listener);
    }

    /** Stops following plugins and takes back their contributions; the plugin bundles themselves keep running. */
    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        executor.shutdown();
        if (!executor.awaitTermination(2, TimeUnit.MINUTES)) {
            LOG.warn("A plugin migration is still running after 2 minutes; stopping without waiting for it");
        }
        plugins.values().forEach(TrackedPlugin::deactivate);
    }

    /** The bundle of an active plugin, for serving its console files. */
    public Optional<Bundle> activeBundle(String id) {
        return plugins.values().stream()
                .filter(p -> p.id().equals(id) && p.info().state() == PluginState.ACTIVE)
                .map(p -> p.bundle).findFirst();
    }

    @Override
    public List<PluginInfo> plugins() {
        return plugins.values().stream().map(TrackedPlugin::info)
                .sorted(Comparator.comparing(PluginInfo::id).thenComparingLong(PluginInfo::bundleId)).toList();
    }

    @Override
    public PluginInfo plugin(String id) {
        return primary(id).map(TrackedPlugin::info).orElseThrow(() -> new NotFoundException("Plugin", id));
    }

    @Override
    public Optional<String> settingsSchema(String application) {
        return active(application).map(info -> info.contributions().settingsSchema());
    }

    @Override
    public List<TaskTypeDefinition> taskTypes() {
        return plugins.values().stream().map(TrackedPlugin::info).filter(i -> i.state() == PluginState.ACTIVE)
                .flatMap(i -> i.contributions().taskTypes().stream())
                .sorted(Comparator.comparing(TaskTypeDefinition::application).thenComparing(TaskTypeDefinition::type))
                .toList();
    }

    @Override
    public Optional<TaskTypeDefinition> taskType(String application, String type) {
        return active(application).flatMap(info -> info.contributions().taskTypes().stream()
                .filter(t -> t.type().equals(type)).findFirst());
    }

    @Override
    public PluginInfo install(InputStream jar, String fileName, Actor actor) {
        try (CheckedJar checked = jarCheck.check(jar, fileName)) {
            PluginDescriptor descriptor = checked.descriptor();
            SigningPolicy policy = signing;
            policy.refusal(policy.check(checked.file())).ifPresent(reason -> {
                throw new ValidationException("file", reason);
            });
            DescriptorReader.incompatibility(descriptor, serverVersion).ifPresent(reason -> {
                throw new ValidationException("file", reason);
            });
            Optional<TrackedPlugin> installed = primary(descriptor.id());
            Bundle bundle;
            if (installed.isPresent()) {
                bundle = upgrade(installed.get(), checked);
            } else {
                bundle = installNew(checked);
            }
            LOG.info("{} {} plugin {} {} from {}", actor.name(), installed.isPresent() ? "upgraded" : "installed",
                    descriptor.id(), descriptor.version(), checked.fileName());
            start(bundle);
            return settled(bundle);
        }
    }

    @Override
    public PluginInfo start(String id, Actor actor) {
        TrackedPlugin plugin = primary(id).orElseThrow(() -> new NotFoundException("Plugin", id));
        runOnExtenderThread(plugin::forgetRefusal);
        LOG.info("{} starts plugin {}", actor.name(), id);
        start(plugin.bundle);
        return settled(plugin.bundle);
    }

    @Override
    public PluginInfo stop(String id, Actor actor) {
        TrackedPlugin plugin = primary(id).orElseThrow(() -> new NotFoundException("Plugin", id));
        LOG.info("{} stops plugin {}", actor.name(), id);
        try {
            plugin.bundle.stop();
        } catch (BundleException e) {
            throw new ConflictException("Plugin " + id + " cannot be stopped: " + e.getMessage());
        }
        return settled(plugin.bundle);
    }

    @Override
    public void uninstall(String id, boolean purge, Actor actor) {
        TrackedPlugin plugin = primary(id).orElseThrow(() -> new NotFoundException("Plugin", id));
        Bundle bundle = plugin.bundle;
        List<String> tables = purge ? tablesOf(id, bundle) : List.of();
        String location = bundle.getLocation();
        LOG.info("{} uninstalls plugin {}{}", actor.name(), id, purge ? " and purges its tables" : "");
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new ConflictException("Plugin " + id + " cannot be uninstalled: " + e.getMessage());
        } catch (IllegalStateException alreadyGone) {
            throw new NotFoundException("Plugin", id);
        }
        removeDeployedFile(location);
        settle();
        frameworkWiring.refreshBundles(List.of(bundle));
        if (purge) {
            pluginSchemas.purge(id, tables);
        }
    }

    private Bundle installNew(CheckedJar checked) {
        try (InputStream in = Files.newInputStream(checked.file())) {
            return context.installBundle(LOCATION_PREFIX + checked.descriptor().id(), in);
        } catch (BundleException e) {
            throw new ConflictException("Plugin " + checked.descriptor().id() + " cannot be installed: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Replaces the installed plugin's bundle: stop, update, refresh (releasing the old classes), start. */
    private Bundle upgrade(TrackedPlugin installed, CheckedJar checked) {
        PluginDescriptor descriptor = checked.descriptor();
        Bundle bundle = installed.bundle;
        PluginVersion current = installedVersion(installed);
        if (current != null && descriptor.version().compareTo(current) < 0) {
            throw new ConflictException("Plugin " + descriptor.id() + " " + current + " is installed; "
                    + descriptor.version() + " is older. Uninstall it first to go back to an older version.");
        }
        if (!bundle.getLocation().startsWith(LOCATION_PREFIX)) {
            throw new ConflictException("Plugin " + descriptor.id() + " was installed from " + bundle.getLocation()
                    + "; upgrade it there (in the deploy/ folder: replace the file under the same name)");
        }
        try (InputStream in = Files.newInputStream(checked.file())) {
            bundle.stop(Bundle.STOP_TRANSIENT);
            bundle.update(in);
        } catch (BundleException e) {
            throw new ConflictException("Plugin " + descriptor.id() + " cannot be upgraded: " + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        refresh(bundle);
        return bundle;
    }

    private static PluginVersion installedVersion(TrackedPlugin plugin) {
        try {
            return PluginVersion.parse(plugin.info().version());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** Starts a bundle; one that cannot resolve stays installed and is reported refused with what it misses. */
    private void start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            LOG.warn("Plugin bundle {} did not start: {}", bundle.getBundleId(), e.getMessage());
        } catch (IllegalStateException uninstalled) {
            throw new NotFoundException("Plugin bundle", bundle.getBundleId());
        }
    }

    private void refresh(Bundle bundle) {
        CountDownLatch refreshed = new CountDownLatch(1);
        frameworkWiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                refreshed.countDown();
            }
        });
        try {
            if (!refreshed.await(SETTLE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Refreshing plugin bundle {} took more than {} s", bundle.getBundleId(), SETTLE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The tables a plugin's changelog creates and that carry its prefix: what a purge may drop. */
    private static List<String> tablesOf(String id, Bundle bundle) {
        Optional<byte[]> changelog = new BundleFiles(bundle).read(PluginMigrations.CHANGELOG);
        if (changelog.isEmpty()) {
            return List.of();
        }
        String prefix = PluginMigrations.tablePrefix(id);
        return PluginMigrations.tablesOf(new String(changelog.get(), StandardCharsets.UTF_8)).stream()
                .filter(table -> table.startsWith(prefix)).toList();
    }

    /**
     * Deletes the file a plugin was deployed from in {@code deploy/}, so Karaf's file install does not put back the
     * plugin the admin just uninstalled.
     */
    private void removeDeployedFile(String location) {
        String base = context.getProperty("karaf.base");
        if (base == null || !location.startsWith("file:")) {
            return;
        }
        try {
            Path file = Path.of(URI.create(location)).toRealPath();
            Path deploy = Path.of(base, "deploy").toRealPath();
            if (file.startsWith(deploy)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            LOG.debug("Not removing {}: {}", location, e.toString());
        }
    }

    private Optional<TrackedPlugin> primary(String id) {
        return plugins.values().stream().filter(p -> p.id().equals(id))
                .min(Comparator.comparingInt((TrackedPlugin p) -> rank(p.info().state()))
                        .thenComparingLong(p -> p.bundle.getBundleId()));
    }

    private static int rank(PluginState state) {
        return switch (state) {
            case ACTIVE -> 0;
            case STARTING -> 1;
            case STOPPED -> 2;
            case REFUSED -> 3;
        };
    }

    private Optional<PluginInfo> active(String id) {
        return plugins.values().stream().map(TrackedPlugin::info)
                .filter(i -> i.id().equals(id) && i.state() == PluginState.ACTIVE).findFirst();
    }

    /** The plugin of a bundle once the extender has worked out every change queued so far. */
    private PluginInfo settled(Bundle bundle) {
        settle();
        TrackedPlugin plugin = plugins.get(bundle.getBundleId());
        if (plugin == null) {
            throw new NotFoundException("Plugin bundle", bundle.getBundleId());
        }
        return plugin.info();
    }

    /**
     * Waits until the extender's thread has handled every bundle event so far. The tracker hears bundle events
     * synchronously, so whatever a framework call just did is queued before this marker.
     */
    private void settle() {
        runOnExtenderThread(() -> { });
    }

    private void runOnExtenderThread(Runnable work) {
        try {
            executor.submit(work).get(SETTLE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the plugin extender", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The plugin extender failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The plugin extender is still busy after " + SETTLE_SECONDS + " s");
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The plugin extender is stopping");
        }
    }

    private void schedule(Bundle bundle) {
        try {
            executor.execute(() -> reconcile(bundle));
        } catch (RejectedExecutionException stopping) {
            // the extender is being deactivated: it lets go of every plugin anyway
        }
    }

    /** Brings what the extender registers for a bundle in line with the bundle's current state. */
    private void reconcile(Bundle bundle) {
        try {
            TrackedPlugin plugin = plugins.get(bundle.getBundleId());
            if (bundle.getState() == Bundle.UNINSTALLED || bundle.getHeaders("").get(PluginHeaders.PLUGIN) == null) {
                if (plugin != null) {
                    plugins.remove(bundle.getBundleId());
                    plugin.deactivate();
                    publish(plugin.info(), null);
                }
                return;
            }
            if (plugin == null) {
                plugin = new TrackedPlugin(bundle, clock.instant());
                plugins.put(bundle.getBundleId(), plugin);
            }
            if (plugin.changedSinceRead()) {
                plugin.deactivate();
                read(plugin);
            }
            switch (bundle.getState()) {
                case Bundle.INSTALLED -> installed(plugin);
                case Bundle.RESOLVED -> {
                    plugin.deactivate();
                    String refusal = knownRefusal(plugin);
                    move(plugin, refusal != null ? PluginState.REFUSED : PluginState.STOPPED, refusal);
                }
                case Bundle.STARTING -> {
                    if (plugin.activation() == null) {
                        move(plugin, PluginState.STARTING, null);
                    }
                }
                case Bundle.ACTIVE -> {
                    if (plugin.activation() == null) {
                        activate(plugin);
                    }
                }
                default -> {
                    plugin.deactivate();
                    move(plugin, PluginState.STOPPED, null);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Could not work out the state of plugin bundle {}", bundle.getBundleId(), e);
        }
    }

    private void read(TrackedPlugin plugin) {
        long revision = plugin.revision();
        PluginHeader header;
        try {
            header = PluginHeader.parse(plugin.bundle.getHeaders("").get(PluginHeaders.PLUGIN));
        } catch (IllegalArgumentException e) {
            plugin.read(null, null, e.getMessage(), revision);
            return;
        }
        try {
            plugin.read(header, descriptors.read(header, new BundleFiles(plugin.bundle)), null, revision);
            plugin.signed(checkSignature(plugin.bundle));
        } catch (ValidationException e) {
            plugin.read(header, null, "Invalid plugin descriptor: " + e.getMessage(), revision);
        } catch (RuntimeException e) {
            // Felix closes the old content while a bundle is updated: read again when the update's events come
            plugin.read(header, null, "Unreadable plugin: " + e.getMessage(), Long.MIN_VALUE);
        }
    }

    private PluginSignature checkSignature(Bundle bundle) {
        try {
            return signing.check(bundle);
        } catch (RuntimeException e) {
            LOG.warn("Could not check the signature of plugin bundle {}: {}", bundle.getBundleId(), e.toString());
            return new PluginSignature(org.garrison.api.plugin.SignatureState.INVALID, null, null,
                    "The signature could not be checked: " + e.getMessage());
        }
    }

    private void installed(TrackedPlugin plugin) {
        plugin.deactivate();
        List<String> missing = MissingRequirements.of(plugin.bundle, frameworkWiring);
        if (!missing.isEmpty()) {
            move(plugin, PluginState.REFUSED, "Cannot resolve the plugin's bundle; missing: "
                    + String.join(", ", missing));
        } else {
            String refusal = knownRefusal(plugin);
            move(plugin, refusal != null ? PluginState.REFUSED : PluginState.STOPPED, refusal);
        }
    }

    /**
     * Why a plugin that is not running would be refused if started: the reason it was refused for, else what is
     * wrong with its descriptor or its server requirement (so a plugin refused before the extender itself restarted
     * still shows why).
     */
    private String knownRefusal(TrackedPlugin plugin) {
        if (plugin.refusal() != null) {
            return plugin.refusal();
        }
        if (plugin.descriptor() == null) {
            return plugin.readProblem();
        }
        return signing.refusal(plugin.signature())
                .or(() -> DescriptorReader.incompatibility(plugin.descriptor(), serverVersion)).orElse(null);
    }

    private void activate(TrackedPlugin plugin) {
        if (plugin.refusal() != null) {
            refuse(plugin, plugin.refusal());
            return;
        }
        PluginDescriptor descriptor = plugin.descriptor();
        if (descriptor == null) {
            refuse(plugin, plugin.readProblem());
            return;
        }
        Optional<String> incompatible = signing.refusal(plugin.signature())
                .or(() -> DescriptorReader.incompatibility(descriptor, serverVersion));
        if (incompatible.isPresent()) {
            refuse(plugin, incompatible.get());
            return;
        }
        Optional<TrackedPlugin> rival = plugins.values().stream()
                .filter(other -> other != plugin && sameId(other, descriptor.id())
                        && (other.info().state() == PluginState.ACTIVE || other.info().state() == PluginState.STARTING))
                .findFirst();
        if (rival.isPresent()) {
            refuse(plugin, "Plugin id '" + descriptor.id() + "' is already used by bundle "
                    + rival.get().bundle.getBundleId() + " (" + rival.get().bundle.getSymbolicName() + ")");
            return;
        }
        move(plugin, PluginState.STARTING, null);
        java.time.Instant migratedAt = null;
        if (descriptor.migrations() != null) {
            BundleWiring wiring = plugin.bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                return;
            }
            SchemaStatus status = pluginSchemas.migrate(descriptor.id(), descriptor.migrations().changelog(),
                    wiring.getClassLoader());
            if (status.state() != SchemaState.READY) {
                refuse(plugin, "Migration of the plugin's tables failed: " + status.message());
                return;
            }
            migratedAt = status.changedAt();
        }
        if (plugin.bundle.getState() != Bundle.ACTIVE || plugin.changedSinceRead()) {
            return;
        }
        plugin.activated(PluginActivation.register(context, plugin.bundle, descriptor, migratedAt));
        move(plugin, PluginState.ACTIVE, null);
        LOG.info("Plugin {} {} is active", descriptor.id(), descriptor.version());
    }

    /** Ids that differ only in their dashes would share history tables, so they count as the same. */
    private static boolean sameId(TrackedPlugin other, String id) {
        return other.id().replace("-", "").equals(id.replace("-", ""));
    }

    /** Refuses the plugin and stops its bundle transiently, so none of its code runs until it is fixed. */
    private void refuse(TrackedPlugin plugin, String message) {
        plugin.deactivate();
        plugin.refuse(message);
        move(plugin, PluginState.REFUSED, message);
        LOG.warn("Plugin {} (bundle {}) refused: {}", plugin.id(), plugin.bundle.getBundleId(), message);
        int state = plugin.bundle.getState();
        if (state == Bundle.ACTIVE || state == Bundle.STARTING) {
            try {
                plugin.bundle.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Could not stop refused plugin bundle {}: {}", plugin.bundle.getBundleId(), e.getMessage());
            }
        }
    }

    private void move(TrackedPlugin plugin, PluginState state, String message) {
        PluginInfo previous = plugin.moveTo(state, message, clock.instant());
        if (previous != null) {
            publish(previous, plugin.info());
        }
    }

    private void publish(PluginInfo previous, PluginInfo current) {
        for (PluginListener listener : listeners) {
            try {
                listener.pluginChanged(previous, current);
            } catch (RuntimeException e) {
                LOG.warn("A plugin listener failed on a change of plugin {}", (current != null ? current : previous)
                        .id(), e);
            }
        }
    }

    private final class Customizer implements BundleTrackerCustomizer<Bundle> {

        @Override
        public Bundle addingBundle(Bundle bundle, BundleEvent event) {
            if (bundle.getHeaders("").get(PluginHeaders.PLUGIN) == null) {
                return null;
            }
            schedule(bundle);
            return bundle;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
            schedule(bundle);
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
            schedule(bundle);
        }
    }
}
