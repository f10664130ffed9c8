package org.garrison.extender.internal.console;

import java.util.Optional;

import org.garrison.extender.internal.descriptor.PluginHeader;

/**
 * A request below {@code /console/plugins/}, decided from its (already URL-decoded) path info alone:
 * {@code /<plugin id>/<file below GARRISON-INF/console/>}. Paths that could leave the plugin's console folder or
 * smuggle encoded characters past this check are refused: dot segments, empty segments, backslashes, control
 * characters and any leftover {@code %}.
 *
 * @param pluginId the plugin
 * @param file     the file, relative to the plugin's console folder
 */
record ConsoleModulePath(String pluginId, String file) {

    static Optional<ConsoleModulePath> of(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return Optional.empty();
        }
        for (int i = 0; i < pathInfo.length(); i++) {
            char c = pathInfo.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '%') {
                return Optional.empty();
            }
        }
        String[] segments = pathInfo.substring(1).split("/", -1);
        if (segments.length < 2 || !PluginHeader.isValidId(segments[0])) {
            return Optional.empty();
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(new ConsoleModulePath(segments[0], pathInfo.substring(segments[0].length() + 2)));
    }
}
