package org.garrison.agent.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The stable identifier the agent enrolls with: a SHA-256 of the operating system installation's id (machine-id,
 * MachineGuid) and the firmware's system UUID, so a reinstalled agent maps to the same device, while the raw ids
 * (which other software uses too) never leave the machine.
 */
final class HardwareId {

    private HardwareId() {
    }

    /**
     * The identifier made of the parts that are known, in the given order.
     *
     * @param parts   the preferred sources, {@code null} or placeholder when unknown
     * @param fallback used when no preferred part is known (e.g. the MAC addresses and host name); never empty
     */
    static String of(List<String> parts, String fallback) {
        String known = parts.stream().map(Placeholders::orNull).filter(Objects::nonNull)
                .map(part -> part.toLowerCase(Locale.ROOT)).collect(Collectors.joining("\n"));
        return sha256(known.isEmpty() ? "fallback\n" + fallback : known);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
