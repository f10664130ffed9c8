package org.garrison.api.policy;

import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Policies and their profiles: storage, validation against the applications' settings schemas, and the effective
 * policy of devices and groups.
 *
 * <p>Every change is recorded in the revision history under {@value #OBJECT_TYPE}, in the transaction that makes
 * it; deleted policies go to the deleted-objects registry and can be restored from there.
 */
@ProviderType
public interface PolicyService {

    /** The object type used in revision history and the deleted-objects registry. */
    String OBJECT_TYPE = "policy";

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such policy
     */
    Policy get(UUID id);

    /**
     * Policies matching the query, by name (ignoring case), with the total count of matches.
     *
     * @throws org.garrison.api.error.ValidationException if the cursor does not belong to this listing
     */
    Page<Policy> list(PolicyQuery query, PageRequest page);

    /**
     * Creates a policy; when it is created {@link PolicyState#ACTIVE} or {@link PolicyState#OUT_OF_OFFICE}, the
     * group's policy of the application in that state becomes {@link PolicyState#INACTIVE}.
     *
     * @throws org.garrison.api.error.ValidationException for missing or malformed fields, an application without an
     *         active plugin with a settings schema, a group that does not exist, settings (or a profile's settings
     *         merged over them) that do not match the schema, values locked by an ancestor's policy, too many
     *         profiles: every problem with its path (e.g. {@code settings/scan/interval})
     */
    Policy create(PolicyDraft draft, Actor actor);

    /**
     * Replaces a policy's content (name, description, state, inheritance, settings, locks and profiles).
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such policy
     * @throws org.garrison.api.error.ConflictException if the draft names a revision other than the stored one
     * @throws org.garrison.api.error.ValidationException as for {@link #create}, and for a draft naming another
     *         application or group
     */
    Policy update(UUID id, PolicyDraft draft, Actor actor);

    /**
     * Puts a policy into another state, keeping its content as it is (it is not checked again): activating it
     * deactivates the group's active policy of the application, in the same transaction. Putting it into the state
     * it is in changes nothing.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such policy
     * @throws org.garrison.api.error.ValidationException if no state is given
     */
    Policy changeState(UUID id, PolicyState state, Actor actor);

    /**
     * Deletes a policy; it is registered in the deleted-objects registry.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such policy
     */
    void delete(UUID id, Actor actor);

    /**
     * Adds a profile to a policy.
     *
     * @param position         where it goes in the priority order (0: highest), {@code null} for the end
     * @param expectedRevision the policy revision the change was made from, or {@code null} for any
     * @return the policy with the profile (which carries its new id)
     * @throws org.garrison.api.error.NotFoundException if there is no such policy
     * @throws org.garrison.api.error.ConflictException if the policy has another revision
     * @throws org.garrison.api.error.ValidationException as for {@link #update}, with the profile's fields named as
     *         in the policy ({@code profiles/<index>/...})
     */
    Policy addProfile(UUID policyId, PolicyProfile profile, Integer position, Integer expectedRevision, Actor actor);

    /**
     * Replaces one profile of a policy, keeping its place in the priority order.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such policy or profile
     * @throws org.garrison.api.error.ConflictException if the policy has another revision
     * @throws org.garrison.api.error.ValidationException as for {@link #addProfile}
     */
    Policy updateProfile(UUID policyId, UUID profileId, PolicyProfile profile, Integer expectedRevision,
            Actor actor);

    /**
     * Removes one profile of a policy.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such policy or profile
     * @throws org.garrison.api.error.ConflictException if the policy has another revision
     */
    Policy deleteProfile(UUID policyId, UUID profileId, Integer expectedRevision, Actor actor);

    /**
     * The application's settings in force on a device: the policies of its group and of the groups above (the
     * out-of-office ones where the device is outside the organisation's network), merged with locks, and the
     * profiles of those policies that match the device.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     */
    EffectivePolicy effectiveForDevice(UUID deviceId, String application);

    /**
     * The settings in force on a device for every application that has an active plugin with a settings schema, by
     * application id (as {@link #effectiveForDevice(UUID, String)} gives each): what the device's agent hands its
     * applications.
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such device
     * @since 1.1
     */
    List<EffectivePolicy> effectiveForDevice(UUID deviceId);

    /**
     * An opaque tag that changes whenever a policy is created, changed, deleted or restored, or changes state, and
     * whenever an application's settings schema comes, goes or changes with its plugin. While it stays the same, a
     * device's effective policies change only if the device itself changes (its group, tags, network location and
     * the other facts profiles match). Cheap to ask: callers may ask it for every agent sync.
     *
     * @since 1.1
     */
    String changeTag();

    /**
     * The application's settings in force for a group, without profiles.
     *
     * @param outOfOffice whether to take the out-of-office policies (for devices outside the organisation's network)
     * @throws org.garrison.api.error.NotFoundException if there is no such group
     */
    EffectivePolicy effectiveForGroup(UUID groupId, String application, boolean outOfOffice);
}
