package org.garrison.api.agent;

import java.util.List;

/**
 * The policies part of a sync answer, sent when the server looked at the device's effective policies again (the
 * policies or plugins changed, the device reported a new inventory, or a while has passed).
 *
 * @param tag          what the agent sends back as {@code policyTag} in its next syncs
 * @param applications every application the device now has a policy for (with an active plugin with a settings
 *                     schema): the agent drops the policies of any other application
 * @param changed      the policies that differ from the hashes the agent sent (new ones included), in full
 */
public record PolicyUpdate(String tag, List<String> applications, List<ApplicationPolicy> changed) {

    public PolicyUpdate {
        applications = List.copyOf(applications);
        changed = List.copyOf(changed);
    }
}
