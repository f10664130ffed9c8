package org.garrison.agent.simulator;

import static org.garrison.agent.simulator.SimulatedDice.hash;
import static org.garrison.agent.simulator.SimulatedDice.pick;
import static org.garrison.agent.simulator.SimulatedDice.unit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.garrison.agent.simulator.SimulatedCatalogue.Product;
import org.garrison.api.device.OsType;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;

/**
 * The events of a simulated machine. Time is cut into slots of {@value #SLOT_SECONDS} seconds; each slot's events
 * (a Poisson number of them at the configured rate) follow from the seed, index and slot number alone. A window
 * therefore always yields the same events whatever the windows before it, and each event has a stable id, so
 * retries and restarts never invent different events for the same time.
 */
final class SimulatedEvents {

    static final long SLOT_SECONDS = 300;
    static final String PROTECTION = "endpoint-protection";
    static final String PATCHES = "patch-management";

    /**
     * A kind of event and how often it happens relative to the others.
     *
     * @param source     {@code core} or the application reporting it
     * @param type       the event type
     * @param severity   its severity
     * @param weight     its relative frequency
     */
    private record Kind(String source, String type, EventSeverity severity, double weight) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("core", "user-logon", EventSeverity.INFO, 14),
            new Kind("core", "user-logoff", EventSeverity.INFO, 10),
            new Kind("core", "software-installed", EventSeverity.INFO, 4),
            new Kind("core", "software-updated", EventSeverity.INFO, 8),
            new Kind("core", "software-removed", EventSeverity.INFO, 2),
            new Kind("core", "network-changed", EventSeverity.INFO, 4),
            new Kind("core", "disk-space-low", EventSeverity.WARNING, 3),
            new Kind("core", "restart-required", EventSeverity.WARNING, 3),
            new Kind("core", "update-failed", EventSeverity.FUNCTIONAL_FAILURE, 1.5),
            new Kind("core", "service-failed", EventSeverity.FUNCTIONAL_FAILURE, 1.5),
            new Kind(PATCHES, "patch-installed", EventSeverity.INFO, 6),
            new Kind(PATCHES, "patch-failed", EventSeverity.FUNCTIONAL_FAILURE, 1),
            new Kind(PROTECTION, "scan-completed", EventSeverity.INFO, 12),
            new Kind(PROTECTION, "databases-updated", EventSeverity.INFO, 16),
            new Kind(PROTECTION, "threat-blocked", EventSeverity.WARNING, 2),
            new Kind(PROTECTION, "protection-paused", EventSeverity.WARNING, 0.4),
            new Kind(PROTECTION, "threat-detected", EventSeverity.CRITICAL, 0.6));

    private static final List<String> THREATS = List.of("Trojan.Win32.Agent.gen", "HEUR:Trojan.Script.Generic",
            "Backdoor.MSIL.Bladabindi.b", "PDM:Trojan.Win32.Generic", "not-a-virus:HEUR:AdWare.Win32.Agent.gen",
            "Exploit.MSOffice.CVE-2017-11882.gen", "HEUR:Trojan-Ransom.Win32.Generic");
    private static final List<String> BLOCKED_URLS = List.of("http://login-micros0ft.example/session",
            "http://cdn-update.example/payload.js", "https://free-coupons.example/win");
    private static final List<String> SERVICES = List.of("Spooler", "wuauserv", "BITS", "W32Time", "sshd",
            "cron", "nginx", "postgresql");
    private static final List<String> UPDATE_ERRORS = List.of("0x80070643", "0x800f0922", "0x80073712");

    private final SimulatedProfile profile;
    private final List<Kind> kinds;
    private final double totalWeight;

    SimulatedEvents(SimulatedProfile profile) {
        this.profile = profile;
        this.kinds = KINDS.stream().filter(kind -> profile.protection || !kind.source().equals(PROTECTION))
                .toList();
        this.totalWeight = kinds.stream().mapToDouble(Kind::weight).sum();
    }

    /** The events that occurred after {@code from} and at or before {@code to}, oldest first. */
    List<NewEvent> between(Instant from, Instant to, double eventsPerHour) {
        List<NewEvent> events = new ArrayList<>();
        if (!to.isAfter(from) || eventsPerHour <= 0) {
            return events;
        }
        double mean = eventsPerHour * SLOT_SECONDS / 3600.0;
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        long slotMillis = SLOT_SECONDS * 1000;
        for (long slot = Math.floorDiv(fromMillis, slotMillis); slot * slotMillis <= toMillis; slot++) {
            SplittableRandom random = new SplittableRandom(profile.draw(300, slot));
            int count = poisson(random, mean);
            for (int i = 0; i < count; i++) {
                long at = slot * slotMillis + random.nextLong(slotMillis);
                NewEvent event = event(random, slot, i, Instant.ofEpochMilli(at));
                if (at > fromMillis && at <= toMillis) {
                    events.add(event);
                }
            }
        }
        events.sort(Comparator.comparing(NewEvent::occurredAt));
        return events;
    }

    /** The event telling that the (simulated) agent started. */
    NewEvent agentStarted(Instant at, String agentVersion) {
        return new NewEvent(id("started", at.toEpochMilli(), 0), at, null, null, "core", "agent-started",
                EventSeverity.INFO, "The Network Agent started", Map.of("agentVersion", agentVersion));
    }

    private UUID id(String what, long slot, int number) {
        return UUID.nameUUIDFromBytes(("garrison-simulated-event/" + profile.seed + "/" + profile.index + "/" + what
                + "/" + slot + "/" + number).getBytes(StandardCharsets.UTF_8));
    }

    /** A Poisson-distributed count; by the normal approximation for large means, which Knuth's method underflows. */
    private static int poisson(SplittableRandom random, double mean) {
        if (mean > 30) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble());
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private NewEvent event(SplittableRandom random, long slot, int number, Instant at) {
        double target = random.nextDouble() * totalWeight;
        Kind kind = kinds.get(kinds.size() - 1);
        for (Kind candidate : kinds) {
            target -= candidate.weight();
            if (target < 0) {
                kind = candidate;
                break;
            }
        }
        long detail = random.nextLong();
        Map<String, Object> payload = new LinkedHashMap<>();
        String description = describe(kind, detail, payload);
        return new NewEvent(id("event", slot, number), at, null, null, kind.source(), kind.type(), kind.severity(),
                description, payload);
    }

    private String describe(Kind kind, long detail, Map<String, Object> payload) {
        SimulatedProfile.Person user = profile.sessionUser;
        List<Product> catalogue = SimulatedCatalogue.standard().products(profile.family());
        Product product = catalogue.get(profile.products[SimulatedDice.below(hash(detail, 1),
                profile.products.length)]);
        String threat = pick(hash(detail, 2), THREATS);
        return switch (kind.type()) {
            case "user-logon", "user-logoff" -> {
                payload.put("user", user.name());
                payload.put("kind", profile.role == SimulatedProfile.Role.SERVER ? "remote" : "console");
                yield "User " + user.name() + (kind.type().equals("user-logon") ? " signed in" : " signed out");
            }
            case "software-installed", "software-updated", "software-removed" -> {
                payload.put("name", product.name());
                payload.put("version", product.versions().get(product.versions().size() - 1));
                yield product.name() + " was " + kind.type().substring("software-".length());
            }
            case "network-changed" -> {
                payload.put("adapter", profile.macAddresses.get(0));
                yield "The network connection changed";
            }
            case "disk-space-low" -> {
                int free = 2 + SimulatedDice.below(hash(detail, 3), 8);
                payload.put("volume", profile.osType == OsType.WINDOWS ? "C:" : "/");
                payload.put("freePercent", free);
                yield "Only " + free + " % of the system volume is free";
            }
            case "restart-required" -> "A restart is required to finish installing updates";
            case "update-failed" -> {
                String error = pick(hash(detail, 4), UPDATE_ERRORS);
                payload.put("errorCode", error);
                yield "An update failed to install (" + error + ")";
            }
            case "service-failed" -> {
                String service = pick(hash(detail, 5), SERVICES);
                payload.put("service", service);
                yield "The service " + service + " stopped unexpectedly";
            }
            case "patch-installed", "patch-failed" -> {
                payload.put("name", product.name());
                payload.put("version", product.versions().get(product.versions().size() - 1));
                yield (kind.type().equals("patch-installed") ? "Installed a patch for " : "Could not patch ")
                        + product.name();
            }
            case "scan-completed" -> {
                payload.put("objectsScanned", 150_000 + SimulatedDice.below(hash(detail, 6), 600_000));
                payload.put("durationSeconds", 300 + SimulatedDice.below(hash(detail, 7), 3300));
                yield "Full scan completed";
            }
            case "databases-updated" -> {
                payload.put("databaseVersion", "2026." + (1 + SimulatedDice.below(hash(detail, 8), 12)) + "."
                        + SimulatedDice.below(hash(detail, 9), 28));
                yield "Anti-virus databases updated";
            }
            case "threat-blocked" -> {
                String url = pick(hash(detail, 10), BLOCKED_URLS);
                payload.put("threat", threat);
                payload.put("url", url);
                yield "Blocked access to a dangerous address";
            }
            case "protection-paused" -> {
                payload.put("user", user.name());
                yield "Real-time protection was paused by " + user.name();
            }
            case "threat-detected" -> {
                String file = profile.osType == OsType.WINDOWS
                        ? "C:\\Users\\" + user.name() + "\\Downloads\\invoice_" + (detail & 0xFFFF) + ".exe"
                        : "/home/" + user.name() + "/Downloads/invoice_" + (detail & 0xFFFF) + ".sh";
                String action = unit(hash(detail, 11)) < 0.8 ? "quarantined" : "deleted";
                payload.put("threat", threat);
                payload.put("file", file);
                payload.put("action", action);
                yield "Threat " + threat + " detected and " + action;
            }
            default -> kind.type();
        };
    }
}
