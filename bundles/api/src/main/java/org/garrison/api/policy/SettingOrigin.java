package org.garrison.api.policy;

import java.util.UUID;

/**
 * Where a value of an effective policy comes from.
 *
 * @param policyId   the policy that set it
 * @param policyName that policy's name
 * @param groupId    the group that policy is attached to
 * @param profile    the name of the policy's profile that set it, or {@code null} when the policy's own settings did
 */
public record SettingOrigin(UUID policyId, String policyName, UUID groupId, String profile) {
}
