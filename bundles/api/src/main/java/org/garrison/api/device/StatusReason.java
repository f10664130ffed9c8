package org.garrison.api.device;

import java.util.Objects;

/**
 * Why a device has its status.
 *
 * @param level  the level this reason calls for
 * @param source {@value #CORE} for the server's own status conditions, otherwise the id of the managed application
 *               that reported the reason
 * @param code   a stable machine-readable code, e.g. "NOT_SEEN_DAYS" or an application's own code
 * @param text   a human-readable explanation, e.g. "Not visible for 12 days (warning from 7)"
 */
public record StatusReason(StatusLevel level, String source, String code, String text) {

    /** The source of reasons that come from the server's status conditions. */
    public static final String CORE = "core";

    public StatusReason {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
