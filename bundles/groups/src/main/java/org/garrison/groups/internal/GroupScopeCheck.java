package org.garrison.groups.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.error.ForbiddenException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.ScopeCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Answers scope questions from the cached group tree, so checking a call costs no query.
 */
@Component(service = ScopeCheck.class)
public class GroupScopeCheck implements ScopeCheck {

    private final AdministrationGroupsService groups;

    @Activate
    public GroupScopeCheck(@Reference AdministrationGroupsService groups) {
        this.groups = groups;
    }

    @Override
    public boolean contains(GroupScope scope, UUID groupId) {
        return scope != null && groupId != null && groups.tree().within(scope, groupId);
    }

    @Override
    public Set<UUID> groupsWithin(GroupScope scope) {
        return groups.tree().within(scope == null ? GroupScope.NOWHERE : scope);
    }

    /**
     * Groups that do not exist are left for the service to refuse (as invalid input), so a caller learns about a
     * typo rather than a refusal; they can be acted on by nobody anyway.
     */
    @Override
    public void require(Caller caller, String permission, Set<UUID> groupIds) {
        GroupScope scope = caller == null ? GroupScope.NOWHERE : caller.scope(permission);
        if (scope.everywhere()) {
            return;
        }
        GroupTree tree = groups.tree();
        for (UUID groupId : groupIds) {
            if (groupId == null) {
                continue;
            }
            Optional<AdministrationGroup> group = tree.find(groupId);
            if (group.isPresent() && !tree.within(scope, groupId)) {
                throw new ForbiddenException("The group \"" + group.get().name() + "\" lies outside the groups "
                        + "where you hold the permission '" + permission + "'");
            }
        }
    }
}
