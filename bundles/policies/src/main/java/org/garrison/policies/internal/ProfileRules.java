package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import org.garrison.api.device.OsType;
import org.garrison.api.error.FieldError;
import org.garrison.api.policy.ProfileRule;
import org.garrison.api.policy.ProfileRuleAttribute;

/**
 * Checks profile rules as submitted and puts their values into the one form the matcher compares against.
 */
final class ProfileRules {

    static final String INSIDE = "INSIDE";
    static final String OUTSIDE = "OUTSIDE";

    static final int MAX_RULES = 50;
    static final int MAX_VALUES = 100;
    static final int MAX_VALUE_LENGTH = 255;

    private ProfileRules() {
    }

    /**
     * The rules in their stored form; problems are added to {@code errors} under {@code field/<index>/...}.
     *
     * @param groupExists whether a group id names an existing group
     */
    static List<ProfileRule> check(String field, List<ProfileRule> rules, Predicate<UUID> groupExists,
            List<FieldError> errors) {
        if (rules.size() > MAX_RULES) {
            errors.add(new FieldError(field, "must be at most " + MAX_RULES + " rules"));
            return rules;
        }
        List<ProfileRule> checked = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            String at = field + "/" + i;
            ProfileRule rule = rules.get(i);
            if (rule == null || rule.attribute() == null) {
                errors.add(new FieldError(at + "/attribute", "is required"));
                continue;
            }
            checked.add(new ProfileRule(rule.attribute(), values(at + "/values", rule, groupExists, errors)));
        }
        return checked;
    }

    private static List<String> values(String field, ProfileRule rule, Predicate<UUID> groupExists,
            List<FieldError> errors) {
        List<String> values = rule.values();
        if (values.isEmpty() || values.size() > MAX_VALUES) {
            errors.add(new FieldError(field, "must hold 1 to " + MAX_VALUES + " values"));
            return values;
        }
        ProfileRuleAttribute attribute = rule.attribute();
        if ((attribute == ProfileRuleAttribute.NETWORK || attribute == ProfileRuleAttribute.OFFLINE)
                && values.size() != 1) {
            errors.add(new FieldError(field, "must hold exactly one value"));
            return values;
        }
        List<String> normal = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String at = field + "/" + i;
            String value = values.get(i) == null ? "" : values.get(i).trim();
            if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(at, "must be 1 to " + MAX_VALUE_LENGTH + " characters long"));
                continue;
            }
            String stored = switch (attribute) {
                case NETWORK -> oneOf(value.toUpperCase(Locale.ROOT), List.of(INSIDE, OUTSIDE));
                case OFFLINE -> oneOf(value.toLowerCase(Locale.ROOT), List.of("true", "false"));
                case OS_TYPE -> oneOf(value.toUpperCase(Locale.ROOT),
                        java.util.Arrays.stream(OsType.values()).map(Enum::name).toList());
                case GROUP -> group(value, groupExists);
                default -> value;
            };
            if (stored == null) {
                errors.add(new FieldError(at, describe(attribute)));
            } else {
                normal.add(stored);
            }
        }
        return normal;
    }

    private static String oneOf(String value, List<String> allowed) {
        return allowed.contains(value) ? value : null;
    }

    private static String group(String value, Predicate<UUID> groupExists) {
        try {
            UUID id = UUID.fromString(value);
            return value.length() == 36 && groupExists.test(id) ? id.toString() : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String describe(ProfileRuleAttribute attribute) {
        return switch (attribute) {
            case NETWORK -> "must be INSIDE or OUTSIDE";
            case OFFLINE -> "must be true or false";
            case OS_TYPE -> "must be one of WINDOWS, LINUX, MACOS, ANDROID, IOS, OTHER";
            case GROUP -> "must be the id of an existing administration group";
            default -> "is not acceptable";
        };
    }
}
