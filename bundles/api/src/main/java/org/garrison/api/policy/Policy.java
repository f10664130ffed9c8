package org.garrison.api.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.error.FieldError;

/**
 * One application's settings for one administration group, as stored.
 *
 * @param id                the policy's id
 * @param application       the application (plugin) id whose settings these are
 * @param groupId           the administration group it is attached to
 * @param name              its name, 1 to 255 characters
 * @param description       the admin's description, or {@code null}
 * @param state             whether and when it applies
 * @param inheritFromParent whether it starts from the settings in force at the parent group and changes only what
 *                          the ancestors did not lock; otherwise its settings stand alone (unless an ancestor forces
 *                          inheritance)
 * @param forceInheritance  whether every policy below it must inherit from it
 * @param settings          its settings, a JSON object valid against the application's settings schema (merged
 *                          over the inherited settings when it inherits)
 * @param lockedSettings    the paths of the settings that policies and devices below cannot change
 * @param profiles          its profiles, highest priority first
 * @param revision          1 when created, counting up with every change; an update names the revision it was
 *                          made from, and is refused when the policy has changed since
 * @param createdAt         when it was created
 * @param createdBy         by whom
 * @param updatedAt         when it last changed
 * @param updatedBy         by whom
 * @param problems          what does not match the application's settings schema of the plugin version
 *                          {@code checkedAgainst}, each with the path of the offending value ({@code settings/...} or
 *                          {@code profiles/<index>/settings/...}); empty when it matches. A plugin upgrade can make a
 *                          stored policy invalid: the server reports it here and never changes the settings itself
 * @param checkedAgainst    the plugin version the policy was last checked against, or {@code null} when it could not
 *                          be checked yet
 */
public record Policy(UUID id, String application, UUID groupId, String name, String description, PolicyState state,
        boolean inheritFromParent, boolean forceInheritance, Map<String, Object> settings,
        List<String> lockedSettings, List<PolicyProfile> profiles, int revision, Instant createdAt, Actor createdBy,
        Instant updatedAt, Actor updatedBy, List<FieldError> problems, String checkedAgainst) {

    public Policy {
        settings = JsonValues.object(settings);
        lockedSettings = lockedSettings == null ? List.of() : List.copyOf(lockedSettings);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
