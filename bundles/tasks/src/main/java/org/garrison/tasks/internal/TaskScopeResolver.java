package org.garrison.tasks.internal;

import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.api.task.Task;
import org.garrison.api.security.ScopeResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the authorisation filter which group a task belongs to: its scope group; for a fixed selection the smallest
 * group that held all its devices when it was saved; for a task the server runs itself "Managed devices", the whole
 * server, so only callers holding the permission on the whole server reach it.
 */
@Component(service = ScopeResolver.class, property = ScopeResolver.OBJECT_KIND + "=" + Task.OBJECT_TYPE)
public class TaskScopeResolver implements ScopeResolver {

    private final Transactions transactions;
    private final TaskRepository tasks = new TaskRepository(new TaskJson());

    @Activate
    public TaskScopeResolver(@Reference Transactions transactions,
            @Reference(target = "(garrison.schema=tasks)") MigratedSchema schema) {
        this.transactions = transactions;
    }

    @Override
    public Optional<UUID> groupOf(String objectId) {
        if (objectId == null || objectId.length() != 36) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(objectId);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return transactions.inTransaction(connection -> tasks.scopeGroup(connection, id));
    }
}
