package org.garrison.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Garrison audit log",
        description = "How many audit-log entries the server keeps and for how long. Retention runs once a day.")
public @interface AuditLogConfig {

    String PID = "org.garrison.audit.log";

    @AttributeDefinition(name = "Maximum age (days)",
            description = "Entries logged longer ago than this are removed.", min = "1")
    int maxAgeDays() default 365;

    @AttributeDefinition(name = "Maximum number of entries",
            description = "The oldest entries beyond this number are removed.", min = "1")
    long maxEntries() default 1_000_000;

    @AttributeDefinition(name = "Entries removed per transaction",
            description = "Retention removes entries in transactions of at most this many rows, so that recording"
                    + " new entries waits for at most one short transaction. Keep it below Derby's lock escalation"
                    + " threshold (5,000).", min = "1", max = "4000")
    int retentionBatchSize() default 1000;
}
