package org.garrison.api.policy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A policy as an admin submits it, to create one or to replace one's content.
 *
 * @param application       the application (plugin) id; it must have an active plugin with a settings schema. On
 *                          update it may be omitted, and cannot change
 * @param groupId           the administration group; on update it may be omitted, and cannot change
 * @param name              1 to 255 characters without control characters
 * @param description       at most 2,000 characters, or {@code null}
 * @param state             {@link PolicyState#INACTIVE} when omitted
 * @param inheritFromParent {@code true} when omitted; cannot be {@code false} while an ancestor forces inheritance
 * @param forceInheritance  {@code false} when omitted
 * @param settings          the settings, a JSON object; {@code {}} when omitted
 * @param lockedSettings    the paths to lock for the policies and devices below
 * @param profiles          the profiles, highest priority first: the policy's profiles are replaced by these.
 *                          Profiles keep their ids; profiles without an id are new
 * @param expectedRevision  on update, the revision the change was made from: the update is refused with a conflict
 *                          when the policy has another revision now; {@code null} to overwrite whatever is stored
 */
public record PolicyDraft(String application, UUID groupId, String name, String description, PolicyState state,
        Boolean inheritFromParent, Boolean forceInheritance, Map<String, Object> settings,
        List<String> lockedSettings, List<PolicyProfile> profiles, Integer expectedRevision) {

    public PolicyDraft {
        state = state == null ? PolicyState.INACTIVE : state;
        inheritFromParent = inheritFromParent == null ? Boolean.TRUE : inheritFromParent;
        forceInheritance = forceInheritance == null ? Boolean.FALSE : forceInheritance;
        settings = JsonValues.object(settings);
        lockedSettings = lockedSettings == null ? List.of() : List.copyOf(lockedSettings);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    /** The draft that puts a stored policy back as it is (for changes of one part, e.g. one profile). */
    public static PolicyDraft of(Policy policy) {
        return new PolicyDraft(policy.application(), policy.groupId(), policy.name(), policy.description(),
                policy.state(), policy.inheritFromParent(), policy.forceInheritance(), policy.settings(),
                policy.lockedSettings(), policy.profiles(), policy.revision());
    }

    /** This draft with other profiles. */
    public PolicyDraft withProfiles(List<PolicyProfile> newProfiles) {
        return new PolicyDraft(application, groupId, name, description, state, inheritFromParent, forceInheritance,
                settings, lockedSettings, newProfiles, expectedRevision);
    }

    /** This draft in another state. */
    public PolicyDraft withState(PolicyState newState) {
        return new PolicyDraft(application, groupId, name, description, newState, inheritFromParent,
                forceInheritance, settings, lockedSettings, profiles, expectedRevision);
    }

    /** This draft made from another revision ({@code null}: any). */
    public PolicyDraft withExpectedRevision(Integer revision) {
        return new PolicyDraft(application, groupId, name, description, state, inheritFromParent, forceInheritance,
                settings, lockedSettings, profiles, revision);
    }
}
