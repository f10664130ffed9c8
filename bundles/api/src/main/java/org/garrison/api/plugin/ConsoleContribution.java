package org.garrison.api.plugin;

import java.util.Map;
import java.util.Objects;

/**
 * A page, device-detail tab or navigation entry a plugin adds to the web console. The console loads the ES module
 * from {@code /console/plugins/<plugin id>/<module>} and calls its {@code mount(element, context)} export.
 *
 * @param kind       what it is
 * @param id         its id within the plugin, lower case with dashes; the console routes pages at
 *                   {@code /console/applications/<plugin id>/<id>}
 * @param title      its title in English
 * @param titles     its title in other languages, by language tag (e.g. {@code de}); may be empty
 * @param module     the module's path under {@code GARRISON-INF/console/}, e.g. {@code threats.js}; for a
 *                   navigation entry, the id of the page it opens instead
 * @param permission the permission the admin needs to see it, or {@code null} for any signed-in admin
 */
public record ConsoleContribution(ConsoleContributionKind kind, String id, String title, Map<String, String> titles,
        String module, String permission) {

    public ConsoleContribution {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(module, "module");
        title = title == null || title.isBlank() ? id : title;
        titles = titles == null ? Map.of() : Map.copyOf(titles);
    }
}
