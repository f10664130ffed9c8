package org.garrison.extender.internal.descriptor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin or server version, {@code major.minor.micro}, compared numerically.
 */
public record PluginVersion(int major, int minor, int micro) implements Comparable<PluginVersion> {

    private static final Pattern STRICT = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    private static final Pattern LEADING = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?.*");

    /**
     * A plugin version as a descriptor or header gives it: exactly three numbers.
     *
     * @throws IllegalArgumentException with a message for the admin when it is not one
     */
    public static PluginVersion parse(String text) {
        Matcher matcher = text == null ? null : STRICT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("Version '" + text + "' is not of the form major.minor.micro "
                    + "(e.g. 1.4.0)");
        }
        return new PluginVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /**
     * The server's version from its product version (e.g. {@code 0.1.0-SNAPSHOT} or {@code 1.2}): its leading
     * numbers, missing ones taken as zero, any qualifier ignored.
     */
    public static PluginVersion ofServer(String productVersion) {
        Matcher matcher = productVersion == null ? null : LEADING.matcher(productVersion.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("Unreadable server version '" + productVersion + "'");
        }
        return new PluginVersion(Integer.parseInt(matcher.group(1)), number(matcher.group(2)),
                number(matcher.group(3)));
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    @Override
    public int compareTo(PluginVersion other) {
        int result = Integer.compare(major, other.major);
        if (result == 0) {
            result = Integer.compare(minor, other.minor);
        }
        return result != 0 ? result : Integer.compare(micro, other.micro);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
