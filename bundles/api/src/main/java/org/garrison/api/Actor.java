package org.garrison.api;

import java.security.Principal;
import java.util.Objects;

/**
 * Who did something: recorded with every change (revision history, deleted objects, audit log).
 *
 * @param kind what kind of actor
 * @param id   a stable identifier within the kind (account id, token id, device id, component name), or an empty
 *             string for anonymous callers
 * @param name a human-readable name at the time of the action (login, token name, device name)
 */
public record Actor(ActorKind kind, String id, String name) {

    public Actor {
        Objects.requireNonNull(kind, "kind");
        id = id == null ? "" : id;
        name = name == null ? "" : name;
    }

    /** A part of the server acting on its own behalf, e.g. {@code system("retention")}. */
    public static Actor system(String component) {
        return new Actor(ActorKind.SYSTEM, component, component);
    }

    /** A caller that did not identify itself. */
    public static Actor anonymous() {
        return new Actor(ActorKind.ANONYMOUS, "", "anonymous");
    }

    /**
     * The actor behind an authenticated principal, as set on a request by the server's authentication layer, or
     * {@link #anonymous()} when there is none.
     */
    public static Actor of(Principal principal) {
        return principal instanceof ActorPrincipal actorPrincipal ? actorPrincipal.actor() : anonymous();
    }
}
