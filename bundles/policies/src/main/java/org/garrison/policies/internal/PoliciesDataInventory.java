package org.garrison.policies.internal;

import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Component;

/**
 * What the policies area stores, for the data inventory: the policies with their profiles as admins set them, and
 * what the server found when it checked them against their plugins' settings schemas. Profile rules may name the
 * users of devices (rule OWNER), and every policy names the admins who created and last changed it, so policies are
 * declared personal.
 */
@Component
public class PoliciesDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;
    private static final String UNTIL_DELETED = "until an admin deletes the policy (or its group with its "
            + "members); its last state then stays in the registry of deleted objects, and every earlier state in "
            + "the revision history";

    private static final List<DataItem> ITEMS = List.of(
            new DataItem("policy.settings", OWNER, "Policies and policy profiles",
                    "Each managed application's settings for an administration group: name, description, state, "
                            + "inheritance switches, the settings, locked settings, and the profiles with their "
                            + "settings and activation rules (tags, network location, device owner's account name, "
                            + "hardware, operating system, group); who created and last changed it, and when. "
                            + "Personal data where a profile rule names a device's user.",
                    DataOrigin.ADMIN, "POLICIES_POLICY (DOCUMENT holds settings, locks and profiles as JSON)", true,
                    false, UNTIL_DELETED),
            new DataItem("policy.schema-check", OWNER, "Settings-schema check results of policies",
                    "What a policy no longer matches in its plugin's settings schema after the plugin was upgraded, "
                            + "and the plugin version it was last checked against.",
                    DataOrigin.SERVER, "POLICIES_POLICY.PROBLEMS, INVALID, CHECKED_AGAINST", false, false,
                    "replaced at every check; deleted with the policy"));

    @Override
    public List<DataItem> dataItems() {
        return ITEMS;
    }
}
