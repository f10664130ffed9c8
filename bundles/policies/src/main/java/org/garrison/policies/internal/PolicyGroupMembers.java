package org.garrison.policies.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.group.GroupMembers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Policies as members of administration groups: a group with policies is not empty, and deleting it with its
 * members deletes its policies too (they go to the deleted-objects registry).
 */
@Component(service = GroupMembers.class)
public class PolicyGroupMembers implements GroupMembers {

    private final ApplicationPoliciesService policies;

    @Activate
    public PolicyGroupMembers(@Reference ApplicationPoliciesService policies) {
        this.policies = policies;
    }

    @Override
    public String kind() {
        return "policies";
    }

    @Override
    public Map<UUID, Long> countByGroup(Set<UUID> groupIds) {
        return policies.countByGroup(groupIds);
    }

    @Override
    public void release(Set<UUID> groupIds, Actor actor) {
        if (!groupIds.isEmpty()) {
            policies.deleteInGroups(groupIds, actor);
        }
    }
}
