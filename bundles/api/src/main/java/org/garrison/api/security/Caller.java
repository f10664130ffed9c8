package org.garrison.api.security;

import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorPrincipal;
import org.garrison.api.error.ForbiddenException;

/**
 * The signed-in caller of a request, as the authentication layer puts it on {@code SecurityContext}: who they are
 * and where each permission holds. An API token's caller is its owner's account, limited to the token's roles.
 *
 * @param actor        recorded with every change the caller makes
 * @param accountId    the account acting
 * @param login        the account's login
 * @param method       how the caller authenticated
 * @param permissions  every permission the caller holds, with where it holds
 * @param pendingSteps what the caller must do before anything but {@link SignedIn} methods is allowed
 */
public record Caller(Actor actor, UUID accountId, String login, AuthenticationMethod method,
        Map<String, GroupScope> permissions, Set<PendingStep> pendingSteps) implements ActorPrincipal {

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(method, "method");
        permissions = permissions == null ? Map.of() : Map.copyOf(permissions);
        pendingSteps = pendingSteps == null ? Set.of() : Set.copyOf(pendingSteps);
    }

    /**
     * The caller behind a request's principal ({@code SecurityContext.getUserPrincipal()}), or {@code null} when
     * nobody is signed in (which only public endpoints see).
     */
    public static Caller of(Principal principal) {
        return principal instanceof Caller caller ? caller : null;
    }

    /** Where the caller holds the permission; {@link GroupScope#NOWHERE} if they do not hold it. */
    public GroupScope scope(String permission) {
        return permissions.getOrDefault(permission, GroupScope.NOWHERE);
    }

    /** Whether the caller holds the permission anywhere. */
    public boolean has(String permission) {
        return !scope(permission).nowhere();
    }

    /**
     * Refuses with {@link ForbiddenException} unless the caller holds the permission everywhere, e.g. for a bulk
     * action that names groups in its body (use {@link ScopeCheck} to test single groups).
     */
    public void requireEverywhere(String permission) {
        if (!scope(permission).everywhere()) {
            throw new ForbiddenException("This needs the permission '" + permission + "' on the whole server.");
        }
    }
}
