package org.garrison.bench.policies;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.garrison.api.Actor;
import org.garrison.api.device.OsType;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.PolicyState;
import org.garrison.api.policy.ProfileRule;
import org.garrison.api.policy.ProfileRuleAttribute;
import org.garrison.api.store.Transactions;
import org.garrison.policies.internal.ApplicationPoliciesService;
import org.garrison.policies.internal.DeviceFacts;
import org.garrison.policies.internal.DevicePlacement;
import org.garrison.policies.internal.EffectivePolicies;
import org.garrison.policies.internal.InForcePolicies;
import org.garrison.policies.internal.PoliciesConfig;
import org.garrison.policies.internal.PolicyJson;
import org.garrison.policies.internal.PolicyRepository;
import org.garrison.store.internal.TransactionsService;

import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Times effective-policy computation for many devices. Seeds a file Derby database (the policies bundle's own
 * schema, by its changelog) with one policy per group of a three-level group tree, each with settings, locks and
 * profiles, through the bundle's repository; generates devices in memory spread over the groups, with tags, network
 * locations and operating systems that make profiles match; and computes every device's effective policy:
 *
 * <ul>
 * <li>in bulk, from one snapshot of the policies in force, first with nothing computed yet, then again;</li>
 * <li>one device at a time through the service, as {@code GET /devices/{id}/effective-policy/{app}} does (each call
 * asks the database whether a policy changed), for a share of the devices;</li>
 * <li>after a change to the top policy, which makes a new snapshot.</li>
 * </ul>
 *
 * The baseline, measured in the same run, hands each device a ready effective policy looked up by its group: what
 * the computation can at best approach.
 *
 * <p>Arguments: {@code [devices] [groups per level] [database folder]}; defaults 100,000, 10 (1,110 groups) and
 * {@code target/bench-db}. An existing database in that folder is deleted first.
 */
public final class EffectivePolicyBench {

    private static final String APP = "endpoint-protection";
    private static final Actor BENCH = Actor.system("bench");
    private static final String[] TAGS = {"laptop", "desktop", "server", "vip", "sales", "finance", "kiosk"};
    private static final String[] LOCATIONS = {"Headquarters", "Lyon office", "outside", "VPN", null};

    private EffectivePolicyBench() {
    }

    public static void main(String[] args) throws Exception {
        int deviceCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int fanOut = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path folder = Path.of(args.length > 2 ? args[2] : "target/bench-db").toAbsolutePath();
        Files.createDirectories(folder.getParent());
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }

        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.toString());
        dataSource.setCreateDatabase("create");
        migrate(dataSource);
        Transactions transactions = new TransactionsService(dataSource);

        BenchGroups groups = new BenchGroups();
        List<UUID> leaves = groups.tree(fanOut);
        PolicyRepository repository = new PolicyRepository(new PolicyJson());
        long seedStart = System.nanoTime();
        List<Policy> seeded = seed(transactions, repository, groups);
        System.out.printf("seeded %,d groups and %,d policies in %.1f s%n", groups.size(), seeded.size(),
                (System.nanoTime() - seedStart) / 1e9);

        Random random = new Random(42);
        List<DeviceFacts> devices = new ArrayList<>(deviceCount);
        for (int i = 0; i < deviceCount; i++) {
            devices.add(device(random, leaves.get(random.nextInt(leaves.size()))));
        }
        System.out.printf("%,d devices in %,d leaf groups%n%n", deviceCount, leaves.size());

        ApplicationPoliciesService service = ApplicationPoliciesService.withClock(transactions, null, null, groups, null,
                new Config(), Clock.systemUTC());
        EffectivePolicies effective = new EffectivePolicies(new DevicePlacement(new String[] {"outside", "VPN"},
                java.time.Duration.ofMinutes(15), Clock.systemUTC()), new PolicyJson());
        Map<UUID, List<UUID>> paths = new HashMap<>();
        for (UUID leaf : leaves) {
            paths.put(leaf, groups.path(leaf));
        }

        double baseline = baseline(devices, service.snapshot(), effective, paths);
        System.out.printf("baseline: a ready effective policy per device      %8.1f ms  %6.2f µs/device%n", baseline,
                baseline * 1000 / deviceCount);
        InForcePolicies snapshot = service.snapshot();
        Result cold = bulk(devices, snapshot, effective, paths);
        report("bulk, first pass (merges computed)", cold, baseline, deviceCount);
        Result warm = bulk(devices, snapshot, effective, paths);
        report("bulk, second pass", warm, baseline, deviceCount);

        int single = Math.min(deviceCount, 10_000);
        long start = System.nanoTime();
        for (int i = 0; i < single; i++) {
            service.effectiveForDevice(devices.get(i), APP);
        }
        double perDevice = (System.nanoTime() - start) / 1e6;
        System.out.printf("service, one device at a time (%,d devices)     %8.1f ms  %6.2f µs/device%n", single,
                perDevice, perDevice * 1000 / single);

        Policy top = seeded.get(0);
        Map<String, Object> changed = new LinkedHashMap<>(top.settings());
        changed.put("realtime", Boolean.FALSE);
        transactions.runInTransaction(c -> {
            repository.update(c, new Policy(top.id(), top.application(), top.groupId(), top.name(),
                    top.description(), top.state(), top.inheritFromParent(), top.forceInheritance(), changed,
                    top.lockedSettings(), top.profiles(), top.revision() + 1, top.createdAt(), top.createdBy(),
                    Instant.now(), BENCH, top.problems(), top.checkedAgainst()));
            repository.bumpGeneration(c);
        });
        long reload = System.nanoTime();
        InForcePolicies after = service.snapshot();
        double reloadMs = (System.nanoTime() - reload) / 1e6;
        Result changedPass = bulk(devices, after, effective, paths);
        System.out.printf("after a change: new snapshot read in %.1f ms%n", reloadMs);
        report("bulk, after the change", changedPass, baseline, deviceCount);
        System.out.printf("%n%,d distinct effective policies (hashes) among %,d devices; %,d apply profiles%n",
                changedPass.hashes, deviceCount, changedPass.withProfiles);
    }

    private record Result(double millis, int hashes, int withProfiles) {
    }

    private static Result bulk(List<DeviceFacts> devices, InForcePolicies snapshot, EffectivePolicies effective,
            Map<UUID, List<UUID>> paths) {
        Set<String> hashes = new HashSet<>();
        int withProfiles = 0;
        long start = System.nanoTime();
        for (DeviceFacts device : devices) {
            EffectivePolicy policy = effective.forDevice(snapshot, paths.get(device.groupId()), device, APP);
            hashes.add(policy.hash());
            if (!policy.appliedProfiles().isEmpty()) {
                withProfiles++;
            }
        }
        return new Result((System.nanoTime() - start) / 1e6, hashes.size(), withProfiles);
    }

    private static double baseline(List<DeviceFacts> devices, InForcePolicies snapshot, EffectivePolicies effective,
            Map<UUID, List<UUID>> paths) {
        Map<UUID, EffectivePolicy> ready = new HashMap<>();
        paths.forEach((group, path) -> ready.put(group, effective.forGroup(snapshot, path, APP, false)));
        long start = System.nanoTime();
        int sink = 0;
        for (DeviceFacts device : devices) {
            sink += ready.get(device.groupId()).forDevice(device.deviceId()).hash().length();
        }
        if (sink == 0) {
            throw new IllegalStateException("no hashes");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String label, Result result, double baseline, int devices) {
        System.out.printf("%-50s %8.1f ms  %6.2f µs/device  %6.1f x baseline%n", label, result.millis,
                result.millis * 1000 / devices, result.millis / baseline);
    }

    /**
     * One active policy per group: the top one forces inheritance and locks real-time protection, each level
     * changes the scan schedule and exclusions, and profiles react to tags, the network and the operating system.
     */
    private static List<Policy> seed(Transactions transactions, PolicyRepository repository, BenchGroups groups) {
        List<Policy> policies = new ArrayList<>();
        for (AdministrationGroup group : groups.all()) {
            if (AdministrationGroup.UNASSIGNED_DEVICES.equals(group.id())) {
                continue;
            }
            boolean top = AdministrationGroup.MANAGED_DEVICES.equals(group.id());
            int depth = groups.path(group.id()).size();
            Map<String, Object> settings = settings(depth, group.name());
            List<PolicyProfile> profiles = top
                    ? List.of(profile("Road warriors", "{\"firewall\":\"strict\"}", rule(ProfileRuleAttribute.TAG,
                            "laptop"), rule(ProfileRuleAttribute.NETWORK, "OUTSIDE")),
                            profile("Servers", "{\"scan\":{\"schedule\":{\"interval\":1440}}}",
                                    rule(ProfileRuleAttribute.TAG, "server")),
                            profile("Linux", "{\"realtime\":{\"heuristics\":\"low\"}}",
                                    rule(ProfileRuleAttribute.OS_TYPE, "LINUX")))
                    : List.of(profile("VIP " + group.name(), "{\"scan\":{\"schedule\":{\"interval\":15}}}",
                            rule(ProfileRuleAttribute.TAG, "vip")),
                            profile("Kiosk " + group.name(), "{\"exclusions\":[\"C:\\\\Kiosk\"]}",
                                    rule(ProfileRuleAttribute.TAG, "kiosk")));
            Instant now = Instant.now();
            Policy policy = new Policy(UUID.randomUUID(), APP, group.id(), "Policy of " + group.name(), null,
                    PolicyState.ACTIVE, true, top, settings, top ? List.of("realtime/enabled", "updates")
                            : List.of("scan/schedule/day"), profiles, 1, now, BENCH, now, BENCH, List.of(), "1.0.0");
            policies.add(policy);
        }
        transactions.runInTransaction(c -> {
            for (Policy policy : policies) {
                repository.insert(c, policy);
            }
            repository.bumpGeneration(c);
        });
        return policies;
    }

    /** About thirty values, nested three levels deep, different per level of the tree. */
    private static Map<String, Object> settings(int depth, String name) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("realtime", Map.of("enabled", true, "heuristics", depth == 1 ? "medium" : "high",
                "archives", depth % 2 == 0));
        settings.put("scan", Map.of("schedule", Map.of("interval", 60 * depth, "day", "sunday",
                "randomiseMinutes", 30), "depth", depth, "paths", List.of("C:\\", "D:\\" + name)));
        settings.put("exclusions", List.of("C:\\Windows\\Temp", "*.iso", name));
        settings.put("updates", Map.of("source", "server", "hourly", true));
        settings.put("firewall", depth == 1 ? "normal" : "strict");
        for (int i = 0; i < 12; i++) {
            settings.put("option" + depth + "_" + i, i % 3 == 0 ? "value" + i : i);
        }
        return settings;
    }

    private static PolicyProfile profile(String name, String settings, ProfileRule... rules) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(settings,
                    Map.class);
            return new PolicyProfile(UUID.randomUUID(), name, true, parsed, List.of(), List.of(rules));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(settings, e);
        }
    }

    private static ProfileRule rule(ProfileRuleAttribute attribute, String value) {
        return new ProfileRule(attribute, List.of(value));
    }

    private static DeviceFacts device(Random random, UUID group) {
        Set<String> tags = new HashSet<>();
        for (int t = random.nextInt(3); t > 0; t--) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        OsType os = random.nextInt(5) == 0 ? OsType.LINUX : OsType.WINDOWS;
        return new DeviceFacts(UUID.randomUUID(), group, tags, LOCATIONS[random.nextInt(LOCATIONS.length)],
                Instant.now(), os, os == OsType.LINUX ? "Ubuntu 24.04" : "Windows 11 Enterprise", List::of, List::of);
    }

    private static void migrate(EmbeddedDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName("GSPOLICIESLOG");
            database.setDatabaseChangeLogLockTableName("GSPOLICIESLOCK");
            Scope.child(Map.of(Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService()),
                    () -> new Liquibase("db/policies.sql",
                            new ClassLoaderResourceAccessor(PolicyRepository.class.getClassLoader()), database)
                            .update(""));
            // Liquibase leaves the connection in manual-commit mode with its last read open
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /** The policies' configuration with its defaults. */
    private static final class Config implements PoliciesConfig {

        @Override
        public int maxProfilesPerPolicy() {
            return 100;
        }

        @Override
        public String[] outsideNetworkLocations() {
            return new String[] {"outside", "VPN"};
        }

        @Override
        public int offlineAfterMinutes() {
            return 15;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return PoliciesConfig.class;
        }
    }
}
