package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.garrison.api.Ids;
import org.garrison.api.error.FieldError;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.PolicyState;

/**
 * Checks the fields of a submitted policy on their own (before its settings are checked against the schema and the
 * locks above it) and puts them into their stored form: names trimmed, paths written one way, profiles with ids,
 * {@code null} settings left out.
 */
final class PolicyDraftCheck {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_DESCRIPTION_LENGTH = 2000;
    static final int MAX_LOCKED_PATHS = 1000;

    /** Plugin ids: lower-case letters, digits and dashes. */
    private static final Pattern APPLICATION = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    /**
     * A draft in its stored form.
     *
     * @param profiles the profiles, every one with an id
     */
    record Checked(String application, UUID groupId, String name, String description, PolicyState state,
            boolean inheritFromParent, boolean forceInheritance, Map<String, Object> settings,
            List<String> lockedSettings, List<PolicyProfile> profiles) {
    }

    private PolicyDraftCheck() {
    }

    /**
     * @param maxProfiles the most profiles a policy may have
     * @param groupExists whether an id names an existing administration group
     * @param errors      where problems are added
     */
    static Checked check(PolicyDraft draft, int maxProfiles, Predicate<UUID> groupExists, List<FieldError> errors) {
        String application = draft.application();
        if (application == null || application.isBlank()) {
            errors.add(new FieldError("application", "is required"));
        } else if (!APPLICATION.matcher(application).matches()) {
            errors.add(new FieldError("application", "must be a plugin id: lower-case letters, digits and dashes"));
        }
        if (draft.groupId() == null) {
            errors.add(new FieldError("groupId", "is required"));
        } else if (!groupExists.test(draft.groupId())) {
            errors.add(new FieldError("groupId", "names an administration group that does not exist"));
        }
        String name = name("name", draft.name(), errors);
        String description = draft.description() == null || draft.description().isBlank() ? null
                : draft.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION_LENGTH
                    + " characters long"));
        }
        List<String> locks = paths("lockedSettings", draft.lockedSettings(), errors);
        List<PolicyProfile> profiles = profiles(draft.profiles(), maxProfiles, groupExists, errors);
        return new Checked(application, draft.groupId(), name, description, draft.state(), draft.inheritFromParent(),
                draft.forceInheritance(), SettingsValues.withoutNulls(draft.settings()), locks, profiles);
    }

    private static List<PolicyProfile> profiles(List<PolicyProfile> submitted, int maxProfiles,
            Predicate<UUID> groupExists, List<FieldError> errors) {
        if (submitted.size() > maxProfiles) {
            errors.add(new FieldError("profiles", "must be at most " + maxProfiles + " profiles (the server's limit"
                    + " per policy)"));
            return List.of();
        }
        Set<UUID> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<PolicyProfile> checked = new ArrayList<>(submitted.size());
        for (int i = 0; i < submitted.size(); i++) {
            String at = "profiles/" + i;
            PolicyProfile profile = submitted.get(i);
            if (profile == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            UUID id = profile.id() == null ? Ids.newId() : profile.id();
            if (!ids.add(id)) {
                errors.add(new FieldError(at + "/id", "is the id of another profile of this policy"));
            }
            String name = name(at + "/name", profile.name(), errors);
            if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(at + "/name", "is the name of another profile of this policy"));
            }
            checked.add(new PolicyProfile(id, name, profile.enabled(), SettingsValues.withoutNulls(profile.settings()),
                    paths(at + "/lockedSettings", profile.lockedSettings(), errors),
                    ProfileRules.check(at + "/rules", profile.rules(), groupExists, errors)));
        }
        return checked;
    }

    /** The paths in their written form, each once, in the order given. */
    static List<String> paths(String field, List<String> submitted, List<FieldError> errors) {
        if (submitted.size() > MAX_LOCKED_PATHS) {
            errors.add(new FieldError(field, "must be at most " + MAX_LOCKED_PATHS + " paths"));
            return List.of();
        }
        Set<String> paths = new LinkedHashSet<>();
        for (int i = 0; i < submitted.size(); i++) {
            try {
                paths.add(SettingsPath.parse(submitted.get(i)).toString());
            } catch (IllegalArgumentException bad) {
                errors.add(new FieldError(field + "/" + i, bad.getMessage()));
            }
        }
        return List.copyOf(paths);
    }

    private static String name(String field, String submitted, List<FieldError> errors) {
        String name = submitted == null ? "" : submitted.strip();
        if (name.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_NAME_LENGTH + " characters long"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return name;
    }
}
