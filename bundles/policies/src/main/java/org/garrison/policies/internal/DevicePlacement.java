package org.garrison.policies.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a device stands for policies: outside the organisation's network (its reported network location is one of
 * the names configured as outside), and offline (not seen for longer than the configured time, or never).
 */
public final class DevicePlacement {

    private final Set<String> outsideLocations;
    private final Duration offlineAfter;
    private final Clock clock;

    /**
     * @param outsideLocations the network locations outside the organisation; an entry may list several, separated
     *                         by commas (as a {@code .cfg} file gives them)
     */
    public DevicePlacement(String[] outsideLocations, Duration offlineAfter, Clock clock) {
        this.outsideLocations = Arrays.stream(outsideLocations == null ? new String[0] : outsideLocations)
                .filter(Objects::nonNull).flatMap(entry -> Arrays.stream(entry.split(",")))
                .map(DevicePlacement::key).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.offlineAfter = offlineAfter;
        this.clock = clock;
    }

    public boolean outside(DeviceFacts device) {
        return device.networkLocation() != null && outsideLocations.contains(key(device.networkLocation()));
    }

    public boolean offline(DeviceFacts device) {
        Instant seen = device.lastVisible();
        return seen == null || seen.isBefore(clock.instant().minus(offlineAfter));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
