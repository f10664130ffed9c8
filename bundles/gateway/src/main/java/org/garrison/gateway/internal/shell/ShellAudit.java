package org.garrison.gateway.internal.shell;

import java.time.Instant;

import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;

/**
 * Records what enrollment commands change, as the REST layer records its calls: the shell bypasses REST, and the
 * audit log must still show who let which machines in.
 */
final class ShellAudit {

    private ShellAudit() {
    }

    /**
     * @param log     the audit log, or {@code null} while it is not running (nothing is recorded then)
     * @param command the command's name, e.g. {@code enrollment-token-create}
     */
    static void record(AuditLog log, String command, String objectType, String objectId) {
        if (log != null) {
            log.record(new AuditEntry(null, Instant.now(), ShellAccess.actor(), "shell garrison:" + command,
                    objectType, objectId, "", 200, null));
        }
    }
}
