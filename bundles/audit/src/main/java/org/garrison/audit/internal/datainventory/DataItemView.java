package org.garrison.audit.internal.datainventory;

import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The wire form of a {@link DataItem}: the same fields, described for the OpenAPI document.
 */
@Schema(name = "DataItem", description = "One kind of data the server holds")
record DataItemView(
        @Schema(description = "Its id, unique within its owner", example = "device.network-addresses",
                requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(description = "core, or the id of the plugin that stores it", example = "core",
                requiredMode = Schema.RequiredMode.REQUIRED) String owner,
        @Schema(description = "What it is", example = "Network addresses of the device",
                requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(description = "More detail: what exactly, and why it is (or is not) personal data") String description,
        @Schema(description = "Where it comes from: entered by an admin (console, API, shell), reported by the "
                + "Network Agent, reported by a managed application through the agent, or produced by the server",
                requiredMode = Schema.RequiredMode.REQUIRED) DataOrigin source,
        @Schema(description = "Where it is kept: tables and columns of the server's database, or files of the "
                + "distribution", example = "DEVICE.IPV4, DEVICE.IPV6, DEVICE_MAC") String storage,
        @Schema(description = "Whether it is personal data (GDPR)", requiredMode = Schema.RequiredMode.REQUIRED)
        boolean personal,
        @Schema(description = "Whether it is encrypted at rest (a one-way hash is not encryption: the description "
                + "says where a value is only hashed)", requiredMode = Schema.RequiredMode.REQUIRED)
        boolean encrypted,
        @Schema(description = "How long it is kept, with the setting that changes it",
                example = "until the device is removed") String retention) {

    static DataItemView of(DataItem item) {
        return new DataItemView(item.id(), item.owner(), item.title(), item.description(), item.source(),
                item.storage(), item.personal(), item.encrypted(), item.retention());
    }
}
