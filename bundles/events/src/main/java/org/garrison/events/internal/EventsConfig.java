package org.garrison.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison events",
        description = "How many events the server keeps, for how long, and how often it removes the rest.")
public @interface EventsConfig {

    String PID = "org.garrison.events";

    @AttributeDefinition(name = "Maximum number of events",
            description = "The oldest events beyond this number are removed.", min = "1")
    long maxEvents() default 400_000;

    @AttributeDefinition(name = "Maximum age (days)",
            description = "Events that occurred longer ago than this are removed.", min = "1")
    int maxAgeDays() default 30;

    @AttributeDefinition(name = "Retention interval (seconds)",
            description = "How often the retention job runs.", min = "1")
    int retentionIntervalSeconds() default 600;

    @AttributeDefinition(name = "Events removed per transaction",
            description = "Retention removes events in transactions of at most this many rows, so ingest waits for"
                    + " at most one short transaction. Keep it below Derby's lock escalation threshold (5,000).",
            min = "1", max = "100000")
    int retentionBatchSize() default 4000;
}
