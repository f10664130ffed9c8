package org.garrison.gateway.internal.sync;

import java.util.concurrent.CompletableFuture;

import org.garrison.api.agent.SyncRequest;
import org.garrison.api.agent.SyncResponse;
import org.garrison.gateway.internal.AgentIdentity;

/**
 * A checked sync waiting to be stored, and the answer its agent waits for.
 *
 * @param agent     who sent it
 * @param request   what it carries
 * @param address   where it came from
 * @param bodyBytes the size of its body, to keep group-commit transactions small
 * @param answer    completed with the answer once stored, or exceptionally with why not
 */
record PendingSync(AgentIdentity agent, SyncRequest request, String address, int bodyBytes,
        CompletableFuture<SyncResponse> answer) {
}
