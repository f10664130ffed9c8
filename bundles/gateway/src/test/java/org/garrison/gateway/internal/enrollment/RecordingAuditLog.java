package org.garrison.gateway.internal.enrollment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.audit.AuditQuery;

/** Keeps what is recorded. */
public final class RecordingAuditLog implements AuditLog {

    public final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long export(AuditQuery query, Consumer<AuditEntry> consumer) {
        throw new UnsupportedOperationException();
    }
}
