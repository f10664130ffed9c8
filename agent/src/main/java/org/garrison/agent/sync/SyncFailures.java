package org.garrison.agent.sync;

import java.time.Duration;

import org.garrison.agent.transport.GatewayException;
import org.garrison.agent.transport.GatewayRefusal;

/**
 * How long to wait after a failed sync (docs/agent-protocol.md, "Errors"): what the server asks for with
 * {@code Retry-After} (429, 503, {@code approval-pending}), else the exponential back-off. A revoked certificate is
 * not retried at all: the caller stops.
 */
public final class SyncFailures {

    /** The wait for an approval when the server gives none. */
    static final Duration APPROVAL_RETRY = Duration.ofSeconds(60);

    private SyncFailures() {
    }

    public static Duration waitAfter(GatewayException failure, Backoff backoff) {
        if (failure instanceof GatewayRefusal refusal) {
            if (refusal.retryAfter().isPresent()) {
                return backoff.honour(refusal.retryAfter().get());
            }
            if (GatewayRefusal.APPROVAL_PENDING.equals(refusal.code())) {
                return backoff.honour(APPROVAL_RETRY);
            }
        }
        return backoff.next();
    }

    /** Whether the failure means the agent must enroll again: it stops syncing. */
    public static boolean mustEnrollAgain(GatewayException failure) {
        return failure instanceof GatewayRefusal refusal && refusal.revoked();
    }
}
