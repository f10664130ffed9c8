package org.garrison.api.policy;

import java.util.List;

/**
 * One activation rule of a {@link PolicyProfile}: the device must match one of the values on the attribute. A
 * profile applies to a device when every one of its rules matches.
 *
 * @param attribute what the rule looks at, and so how its values are compared
 * @param values    one or more values (at most 100); for {@link ProfileRuleAttribute#NETWORK} and
 *                  {@link ProfileRuleAttribute#OFFLINE} exactly one
 */
public record ProfileRule(ProfileRuleAttribute attribute, List<String> values) {

    public ProfileRule {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
