package org.garrison.http.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code GET /health}.
 *
 * @param status        UP when the server can serve requests, DOWN otherwise
 * @param version       the server's product version
 * @param startedAt     when the server process started
 * @param uptimeSeconds seconds since then
 * @param database      the database's state
 * @param serverId      the installation's identifier (absent while the database is not ready)
 * @param installedAt   when the installation was created (absent while the database is not ready)
 * @param schemas       the migration state of the bundles' database schemas
 */
@Schema(name = "Health")
public record Health(
        @Schema(allowableValues = {"UP", "DOWN"}, requiredMode = Schema.RequiredMode.REQUIRED) String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String version,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant startedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long uptimeSeconds,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DatabaseHealth database,
        UUID serverId,
        Instant installedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SchemaHealth schemas) {

    /**
     * @param ready     how many schemas are migrated and in use
     * @param migrating the schemas still being migrated (the server is DOWN until none is)
     * @param failed    the schemas whose migration failed; their bundles stay inactive
     */
    @Schema(name = "SchemaHealth")
    public record SchemaHealth(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int ready,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> migrating,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> failed) {
    }

    /**
     * @param kind    "derby" or "postgresql" (absent when unreachable)
     * @param product the product and version the driver reports (absent when unreachable)
     * @param state   UP or DOWN
     */
    @Schema(name = "DatabaseHealth")
    public record DatabaseHealth(
            @Schema(allowableValues = {"derby", "postgresql"}) String kind,
            String product,
            @Schema(allowableValues = {"UP", "DOWN"}, requiredMode = Schema.RequiredMode.REQUIRED) String state) {
    }
}
