/**
 * The Network Agent protocol and its server-side extension points.
 *
 * <p>The records here are the JSON messages of {@code /agent/v1/*} on the gateway port (see
 * {@code docs/agent-protocol.md}); the Network Agent and the gateway both use them, so they cannot drift apart.
 * {@link org.garrison.api.agent.AgentInstructions} lets server areas (tasks) send instructions to devices; plugins
 * receive the data their applications send through the agent with an {@link org.garrison.api.agent.ApplicationDataHandler}.
 */
@Version("1.1.0")
@Export
package org.garrison.api.agent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
