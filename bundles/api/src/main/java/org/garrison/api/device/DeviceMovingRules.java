package org.garrison.api.device;

import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ordered device moving rules. They are applied to a device whenever its inventory changes, and to every
 * device on demand.
 */
@ProviderType
public interface DeviceMovingRules {

    /** The object type used in revision history and the deleted-objects registry. */
    String OBJECT_TYPE = "device-moving-rule";

    /** Every rule, in order. */
    List<DeviceMovingRule> list();

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such rule
     */
    DeviceMovingRule get(UUID id);

    /**
     * Adds a rule at the end of the order.
     *
     * @throws org.garrison.api.error.ValidationException for a missing or too long name, no condition, a malformed
     *         IPv4 range or pattern, or a target group that does not exist or is "Unassigned devices"
     */
    DeviceMovingRule create(MovingRuleDraft draft, Actor actor);

    /**
     * Replaces a rule's settings (its place in the order stays).
     *
     * @throws org.garrison.api.error.NotFoundException if there is no such rule
     * @throws org.garrison.api.error.ValidationException as for {@link #create(MovingRuleDraft, Actor)}
     */
    DeviceMovingRule update(UUID id, MovingRuleDraft draft, Actor actor);

    /**
     * @throws org.garrison.api.error.NotFoundException if there is no such rule
     */
    void delete(UUID id, Actor actor);

    /**
     * Puts the rules in a new order.
     *
     * @param ruleIds every rule's id, each once, in the new order
     * @throws org.garrison.api.error.ValidationException if the list is not exactly the current rules
     */
    List<DeviceMovingRule> reorder(List<UUID> ruleIds, Actor actor);

    /**
     * Applies the rules to every device now.
     *
     * @return the number of devices moved
     */
    int run(Actor actor);
}
