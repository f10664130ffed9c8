package org.garrison.api;

import java.security.Principal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The principal the server's authentication layer puts on a request ({@code SecurityContext.getUserPrincipal()});
 * resources turn it into an {@link Actor} with {@link Actor#of(Principal)}.
 */
@ProviderType
public interface ActorPrincipal extends Principal {

    Actor actor();

    @Override
    default String getName() {
        return actor().name();
    }
}
