package org.garrison.api.audit;

import java.util.function.Consumer;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The record of every state-changing call and every sign-in attempt. The server's HTTP layer records REST calls on
 * its own; areas record what happens outside REST (shell sign-ins, agent enrollment).
 */
@ProviderType
public interface AuditLog {

    /** Records an entry; its id is assigned here. Never throws for a storage problem: it logs it instead. */
    void record(AuditEntry entry);

    /** Entries newest first. */
    Page<AuditEntry> query(AuditQuery query, PageRequest page);

    /** Streams every matching entry, newest first; returns how many. */
    long export(AuditQuery query, Consumer<AuditEntry> consumer);
}
