package org.garrison.api.server;

import java.time.Instant;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * This Administration Server installation: created with its database on first start and kept from then on.
 */
@ProviderType
public interface ServerIdentity {

    /** The installation's identifier, stable across restarts and upgrades. */
    UUID id();

    /** When the installation's database was created. */
    Instant installedAt();

    /** When the running server process started. */
    Instant startedAt();

    /** The server's product version, e.g. "1.2.0". */
    String version();
}
