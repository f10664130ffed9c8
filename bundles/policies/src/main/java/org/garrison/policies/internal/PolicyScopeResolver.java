package org.garrison.policies.internal;

import java.util.Optional;
import java.util.UUID;

import org.garrison.api.policy.PolicyService;
import org.garrison.api.security.ScopeResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the authorisation filter which group a policy is attached to, for methods about one policy.
 */
@Component(service = ScopeResolver.class, property = ScopeResolver.OBJECT_KIND + "=" + PolicyService.OBJECT_TYPE)
public class PolicyScopeResolver implements ScopeResolver {

    private final ApplicationPoliciesService policies;

    @Activate
    public PolicyScopeResolver(@Reference ApplicationPoliciesService policies) {
        this.policies = policies;
    }

    @Override
    public Optional<UUID> groupOf(String objectId) {
        if (objectId == null || objectId.length() != 36) {
            return Optional.empty();
        }
        try {
            return policies.groupOf(UUID.fromString(objectId));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
