package org.garrison.policies.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Ids;
import org.garrison.api.PageRequest;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.policy.PolicyQuery;
import org.garrison.api.policy.PolicyState;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.ScopeCheck;

/**
 * Reads the query parameters of the policy endpoints, collecting every problem before refusing with 422 (never
 * the 404 JAX-RS gives for a typed parameter it cannot convert).
 */
final class PolicyParameters {

    private PolicyParameters() {
    }

    /**
     * The listing's filters, limited to the groups where the caller may see policies.
     *
     * @throws org.garrison.api.error.ForbiddenException if the group filter lies outside them
     */
    static PolicyQuery query(String group, String subtree, String application, String state, String invalid,
            Caller caller, ScopeCheck scopes, GroupService groups) {
        List<FieldError> errors = new ArrayList<>();
        UUID groupId = null;
        if (group != null && !group.isBlank()) {
            try {
                groupId = Ids.parse("group", group.trim());
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        PolicyState policyState = null;
        if (state != null && !state.isBlank()) {
            try {
                policyState = PolicyState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("state", "must be ACTIVE, INACTIVE or OUT_OF_OFFICE"));
            }
        }
        Boolean onlyInvalid = null;
        if (invalid != null && !invalid.isBlank()) {
            onlyInvalid = switch (invalid.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    errors.add(new FieldError("invalid", "must be true or false"));
                    yield null;
                }
            };
        }
        boolean wholeSubtree = flag("subtree", subtree, errors);
        if (wholeSubtree && groupId == null) {
            errors.add(new FieldError("subtree", "needs a group"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        GroupScope scope = caller == null ? GroupScope.NOWHERE : caller.scope(Permissions.POLICIES_READ);
        Set<UUID> within = scopes.groupsWithin(scope);
        if (within != null && groupId != null) {
            scopes.require(caller, Permissions.POLICIES_READ, Set.of(groupId));
        }
        String app = application == null || application.isBlank() ? null : application.trim();
        if (wholeSubtree) {
            // a subtree inside the caller's scope lies wholly inside it: scopes are subtrees too
            return new PolicyQuery(null, app, policyState, onlyInvalid, null).within(subtreeOf(groups, groupId));
        }
        PolicyQuery query = new PolicyQuery(groupId, app, policyState, onlyInvalid, null);
        return within == null ? query : query.within(within);
    }

    private static Set<UUID> subtreeOf(GroupService groups, UUID groupId) {
        try {
            return groups.subtree(groupId);
        } catch (NotFoundException e) {
            throw new ValidationException("group", "names no administration group");
        }
    }

    private static boolean flag(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(name, "must be true or false"));
                yield false;
            }
        };
    }

    static PageRequest page(String limit, String cursor) {
        Integer value = null;
        if (limit != null && !limit.isBlank()) {
            try {
                value = Integer.valueOf(limit.trim());
            } catch (NumberFormatException e) {
                throw new ValidationException("limit", "must be a whole number between 1 and "
                        + PageRequest.MAX_LIMIT);
            }
        }
        return PageRequest.of(value, cursor);
    }

    /** An optional whole number, e.g. an expected revision or a position. */
    static Integer number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number");
        }
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }
}
