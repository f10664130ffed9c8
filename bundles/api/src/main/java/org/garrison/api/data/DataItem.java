package org.garrison.api.data;

import java.util.Objects;

/**
 * One kind of data the server holds, for the data inventory ({@code GET /api/v1/data-inventory}).
 *
 * @param id          its id, unique within its owner, e.g. {@code device.ip-addresses}
 * @param owner       {@value #CORE} or the plugin id
 * @param title       what it is, e.g. "IP addresses of the device"
 * @param description more detail, or {@code null}
 * @param source      where it comes from
 * @param storage     where it is kept, e.g. the table {@code DEVICE_NETWORK} or a file under {@code etc/}
 * @param personal    whether it is personal data
 * @param encrypted   whether it is encrypted at rest
 * @param retention   how long it is kept, in words, e.g. "until the device is deleted" or "90 days (configurable)"
 */
public record DataItem(String id, String owner, String title, String description, DataOrigin source,
        String storage, boolean personal, boolean encrypted, String retention) {

    /** The owner of the data the server's core areas keep. */
    public static final String CORE = "core";

    public DataItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(source, "source");
        title = title == null || title.isBlank() ? id : title;
    }
}
