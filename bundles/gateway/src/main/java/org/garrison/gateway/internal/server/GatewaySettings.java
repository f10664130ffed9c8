package org.garrison.gateway.internal.server;

/**
 * The gateway's configuration as plain values, with the "automatic" choices resolved, so the parts of the gateway
 * (and their tests) do not depend on the configuration annotation.
 *
 * @param enabled                      whether the port is open
 * @param host                         the address to listen on
 * @param port                         the TLS port
 * @param syncIntervalSeconds          the usual seconds between an agent's syncs
 * @param jitterPercent                how much each answer spreads the next sync either way
 * @param maxBatchBytes                the largest sync body, counted after inflation
 * @param maxItems                     the most items one sync may carry
 * @param maxConcurrentSyncs           syncs parsed and stored at once
 * @param maxQueuedSyncs               further syncs that may wait
 * @param maxWakeConnections           open wake channels at most
 * @param wakeTimeoutSeconds           the longest a wake channel is held
 * @param minSyncSpacingSeconds        the seconds one sync of an agent's burst takes to come back (0: no limit)
 * @param syncBurst                    how many syncs an agent may make in a row before the spacing applies
 * @param applicationDataRetentionDays how long application data without a handler is kept
 * @param heartbeatFlushSeconds        how often "last seen" times are written
 * @param policyRecheckMinutes         the longest a device's effective policies go without being looked at again
 */
public record GatewaySettings(boolean enabled, String host, int port, int syncIntervalSeconds, int jitterPercent,
        int maxBatchBytes, int maxItems, int maxConcurrentSyncs, int maxQueuedSyncs, int maxWakeConnections,
        int wakeTimeoutSeconds, int minSyncSpacingSeconds, int syncBurst, int applicationDataRetentionDays,
        int heartbeatFlushSeconds, int policyRecheckMinutes) {

    /** The longest wake channel the protocol allows. */
    public static final int MAX_WAKE_TIMEOUT_SECONDS = 300;

    public static GatewaySettings of(GatewayConfig config) {
        int concurrent = config.maxConcurrentSyncs() > 0 ? config.maxConcurrentSyncs()
                : 2 * Runtime.getRuntime().availableProcessors();
        return new GatewaySettings(config.enabled(), config.host(), config.port(),
                Math.max(10, config.syncInterval()), Math.max(0, Math.min(50, config.jitterPercent())),
                Math.max(65_536, config.maxBatchBytes()), Math.max(1, config.maxItems()), concurrent,
                Math.max(0, config.maxQueuedSyncs()), Math.max(0, config.maxWakeConnections()),
                Math.max(10, Math.min(MAX_WAKE_TIMEOUT_SECONDS, config.wakeTimeout())),
                Math.max(0, config.minSyncSpacing()), Math.max(1, config.syncBurst()),
                Math.max(1, config.applicationDataRetentionDays()),
                Math.max(1, Math.min(300, config.heartbeatFlushSeconds())),
                Math.max(1, Math.min(1440, config.policyRecheckMinutes())));
    }

    /** The defaults of {@link GatewayConfig}, for tests and documentation. */
    public static GatewaySettings defaults() {
        return new GatewaySettings(true, "0.0.0.0", 13000, 300, 20, 8 * 1024 * 1024, 1000,
                2 * Runtime.getRuntime().availableProcessors(), 200, 20_000, 240, 2, 10, 7, 5, 5);
    }

    /** Whether a change from {@code other} to this needs the port to be opened again. */
    public boolean needsRestartFrom(GatewaySettings other) {
        return enabled != other.enabled || port != other.port || !host.equals(other.host)
                || wakeTimeoutSeconds != other.wakeTimeoutSeconds;
    }
}
