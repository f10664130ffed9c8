package org.garrison.extender.internal.descriptor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.garrison.api.plugin.PluginHeaders;

/**
 * A bundle's {@code Garrison-Plugin} manifest header, parsed: {@code <id>;version=<x.y.z>}.
 *
 * @param id      the plugin id
 * @param version the plugin version
 */
public record PluginHeader(String id, PluginVersion version) {

    /** Plugin ids: lower-case words of letters and digits joined by dashes, 2 to 40 characters. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** The longest plugin id: it names the plugin's tables and history tables, which databases limit in length. */
    public static final int MAX_ID_LENGTH = 40;

    private static final Pattern HEADER = Pattern.compile(
            "\\s*([^;\\s]+)\\s*;\\s*version\\s*=\\s*\"?([^\";\\s]+)\"?\\s*");

    /**
     * @throws IllegalArgumentException with a message for the admin when the header is malformed
     */
    public static PluginHeader parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("The manifest has no " + PluginHeaders.PLUGIN + " header");
        }
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Malformed " + PluginHeaders.PLUGIN + " header '" + header
                    + "': expected '<id>;version=<major.minor.micro>'");
        }
        String id = matcher.group(1);
        if (!isValidId(id)) {
            throw new IllegalArgumentException("Plugin id '" + id + "' in the " + PluginHeaders.PLUGIN
                    + " header is not valid: 2 to " + MAX_ID_LENGTH + " lower-case letters and digits in words "
                    + "joined by dashes, starting with a letter");
        }
        return new PluginHeader(id, PluginVersion.parse(matcher.group(2)));
    }

    /** Whether the text is a well-formed plugin id. */
    public static boolean isValidId(String id) {
        return id != null && id.length() >= 2 && id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches();
    }
}
