package org.garrison.accounts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An account accepted a version of the legal terms.
 */
public record TermsAcceptance(UUID accountId, UUID termsId, String version, Instant acceptedAt) {
}
