package org.garrison.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One account's console settings. Unknown keys are refused; missing ones take their defaults.
 */
@Schema(name = "ConsoleSettings", description = "An account's console settings")
public record ConsoleSettings(
        @Schema(description = "Interface language, a BCP 47 tag such as en or de", example = "en") String language,
        @Schema(description = "Colour theme", allowableValues = {"light", "dark", "system"}) String theme,
        @Schema(description = "Monitoring-panel layout as the console stores it (an array or an object)")
        JsonNode dashboardLayout,
        @Schema(description = "Ids of notifications already read") List<String> notificationsRead,
        @Schema(description = "Visible columns per table: table id to column ids")
        Map<String, List<String>> tableColumns,
        @Schema(description = "Training-mode progress as the console stores it (an object)")
        JsonNode trainingProgress) {

    /** The largest settings document accepted, in bytes of JSON. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    private static final Set<String> THEMES = Set.of("light", "dark", "system");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");

    public static ConsoleSettings defaults() {
        return new ConsoleSettings("en", "system", JsonNodeFactory.instance.arrayNode(), List.of(), Map.of(),
                JsonNodeFactory.instance.objectNode());
    }

    /** These settings with every missing key set to its default. */
    public ConsoleSettings withDefaults() {
        ConsoleSettings defaults = defaults();
        return new ConsoleSettings(language == null ? defaults.language : language,
                theme == null ? defaults.theme : theme,
                dashboardLayout == null || dashboardLayout.isNull() ? defaults.dashboardLayout : dashboardLayout,
                notificationsRead == null ? defaults.notificationsRead : notificationsRead,
                tableColumns == null ? defaults.tableColumns : tableColumns,
                trainingProgress == null || trainingProgress.isNull() ? defaults.trainingProgress : trainingProgress);
    }

    /** @throws ValidationException naming every bad field */
    void validate() {
        List<FieldError> errors = new ArrayList<>();
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            errors.add(new FieldError("language", "must be a language tag such as en or de"));
        }
        if (theme != null && !THEMES.contains(theme)) {
            errors.add(new FieldError("theme", "must be light, dark or system"));
        }
        if (dashboardLayout != null && !dashboardLayout.isNull() && !dashboardLayout.isArray()
                && !dashboardLayout.isObject()) {
            errors.add(new FieldError("dashboardLayout", "must be an array or an object"));
        }
        if (notificationsRead != null) {
            for (int i = 0; i < notificationsRead.size(); i++) {
                String id = notificationsRead.get(i);
                if (id == null || !ID.matcher(id).matches()) {
                    errors.add(new FieldError("notificationsRead/" + i, "must be an id of 1-200 letters, digits or "
                            + "._:/-"));
                }
            }
        }
        if (tableColumns != null) {
            tableColumns.forEach((table, columns) -> {
                if (!ID.matcher(table).matches()) {
                    errors.add(new FieldError("tableColumns", "has a bad table id"));
                } else if (columns == null || columns.stream().anyMatch(c -> c == null || !ID.matcher(c).matches())) {
                    errors.add(new FieldError("tableColumns/" + table, "must be an array of column ids"));
                }
            });
        }
        if (trainingProgress != null && !trainingProgress.isNull() && !trainingProgress.isObject()) {
            errors.add(new FieldError("trainingProgress", "must be an object"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
