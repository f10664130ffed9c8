package org.garrison.accounts.internal;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One published version of the legal terms.
 */
@Schema(name = "LegalTerms", description = "A published version of the legal terms")
public record LegalTerms(@Schema(description = "Id of this version") UUID id,
        @Schema(description = "The version, e.g. 2026-01") String version,
        @Schema(description = "Title") String title,
        @Schema(description = "The full text (plain text or Markdown)") String text,
        @Schema(description = "When it was published") Instant publishedAt,
        @Schema(description = "Who published it") String publishedBy) {
}
