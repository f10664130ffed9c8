package org.garrison.api.agent;

/**
 * The answer of {@code GET /agent/v1/wake}, the long poll an agent keeps open to hear "sync now" at once.
 *
 * @param sync   whether the agent should sync now (else the poll timed out and it polls again)
 * @param within seconds within which to sync, at a random moment, so that a request for a whole group does not bring
 *               every agent at the same instant (0 = at once)
 */
public record WakeResponse(boolean sync, int within) {
}
