package org.garrison.api.device;

/**
 * A device's operating system. Every field may be {@code null} when unknown.
 *
 * @param type          the family
 * @param architecture  e.g. "x86_64", "arm64"
 * @param vendor        e.g. "Microsoft Corporation"
 * @param name          e.g. "Windows 11 Enterprise"
 * @param version       e.g. "10.0"
 * @param build         the build number, e.g. "22631"
 * @param releaseId     the release id, e.g. "23H2"
 * @param installFolder where the operating system is installed, e.g. "C:\Windows"
 */
public record OperatingSystem(OsType type, String architecture, String vendor, String name, String version,
        String build, String releaseId, String installFolder) {

    /** An operating system with nothing known. */
    public static OperatingSystem unknown() {
        return new OperatingSystem(null, null, null, null, null, null, null, null);
    }
}
