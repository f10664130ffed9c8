package org.garrison.tasks.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.group.GroupMembers;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tasks as members of the groups their scope is: counted when a group is deleted, and deleted with it (into the
 * deleted-objects registry, with their running runs cancelled).
 */
@Component(service = GroupMembers.class)
public class TaskGroupMembers implements GroupMembers {

    private final Transactions transactions;
    private final TasksService service;
    private final TaskRepository tasks = new TaskRepository(new TaskJson());

    @Activate
    public TaskGroupMembers(@Reference Transactions transactions, @Reference TasksService service) {
        this.transactions = transactions;
        this.service = service;
    }

    @Override
    public String kind() {
        return "tasks";
    }

    @Override
    public Map<UUID, Long> countByGroup(Set<UUID> groupIds) {
        return transactions.inTransaction(connection -> tasks.countByGroup(connection, groupIds));
    }

    @Override
    public void release(Set<UUID> groupIds, Actor actor) {
        for (UUID taskId : transactions.inTransaction(connection -> tasks.inGroups(connection, groupIds))) {
            service.delete(taskId, actor);
        }
    }
}
