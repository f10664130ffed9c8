package org.garrison.gateway.internal.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison agent gateway",
        description = "The port Network Agents sync on (mutual TLS), how often they sync, and how much load the "
                + "gateway takes before it asks agents to come back later.")
public @interface GatewayConfig {

    String PID = "org.garrison.gateway";

    @AttributeDefinition(name = "Enabled", description = "Whether the gateway port is open.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Host", description = "The address to listen on; 0.0.0.0 for every interface.")
    String host() default "0.0.0.0";

    @AttributeDefinition(name = "Port", description = "The TLS port agents connect to.", min = "1", max = "65535")
    int port() default 13000;

    @AttributeDefinition(name = "Sync interval (seconds)",
            description = "How often an agent syncs when nothing urgent happens.", min = "10", max = "86400")
    int syncInterval() default 300;

    @AttributeDefinition(name = "Jitter (percent)",
            description = "Each answer spreads the next sync by up to this much either way, so agents that started "
                    + "together do not stay in step.", min = "0", max = "50")
    int jitterPercent() default 20;

    @AttributeDefinition(name = "Largest sync body (bytes)",
            description = "A sync body above this, counted after gzip inflation, is refused with 413.",
            min = "65536")
    int maxBatchBytes() default 8 * 1024 * 1024;

    @AttributeDefinition(name = "Most items per sync", min = "1", max = "100000")
    int maxItems() default 1000;

    @AttributeDefinition(name = "Syncs processed at once",
            description = "At most this many syncs are parsed and stored at the same time; 0 = twice the number of "
                    + "processor cores.", min = "0")
    int maxConcurrentSyncs() default 0;

    @AttributeDefinition(name = "Syncs waiting",
            description = "At most this many further syncs wait for their turn; beyond, agents are answered "
                    + "503 overloaded and come back later.", min = "0")
    int maxQueuedSyncs() default 200;

    @AttributeDefinition(name = "Open wake channels",
            description = "At most this many agents may hold a wake channel (sync-now long poll) open.", min = "0")
    int maxWakeConnections() default 20_000;

    @AttributeDefinition(name = "Wake channel timeout (seconds)",
            description = "The longest a wake channel is held before it is answered 'no sync'.", min = "10",
            max = "300")
    int wakeTimeout() default 240;

    @AttributeDefinition(name = "Least spacing between syncs (seconds)",
            description = "After a burst of syncs, an agent may sync once per this many seconds; sooner is answered "
                    + "429 too-many-requests. 0 turns the limit off.", min = "0")
    int minSyncSpacing() default 2;

    @AttributeDefinition(name = "Sync burst",
            description = "How many syncs an agent may make in a row (draining a backlog, retrying) before the "
                    + "spacing applies.", min = "1")
    int syncBurst() default 10;

    @AttributeDefinition(name = "Application data retention (days)",
            description = "Application data waiting for a plugin that is not installed is deleted after this many "
                    + "days.", min = "1")
    int applicationDataRetentionDays() default 7;

    @AttributeDefinition(name = "Heartbeat flush (seconds)",
            description = "Agents' 'last seen' times are collected in memory and written in bulk this often.",
            min = "1", max = "300")
    int heartbeatFlushSeconds() default 5;

    @AttributeDefinition(name = "Policy re-check (minutes)",
            description = "A device's effective policies are looked at again at its first sync after a policy or "
                    + "plugin changed, after it reported a new inventory, and otherwise at its first sync after "
                    + "this many minutes (which brings admins' moves and tag changes to the device).", min = "1",
            max = "1440")
    int policyRecheckMinutes() default 5;
}
