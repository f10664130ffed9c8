package org.garrison.api.store;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the store, on behalf of a bundle that declares {@value #HEADER}, once that bundle's migrations have
 * been applied. Reference it with a target on {@value #SCHEMA_PROPERTY} to make a component wait for its tables.
 */
@ProviderType
public interface MigratedSchema {

    /** The manifest header that declares a bundle's schema: {@code <name>;changelog=<path in the bundle>}. */
    String HEADER = "Garrison-Schema";

    /** The service property carrying the schema name. */
    String SCHEMA_PROPERTY = "garrison.schema";

    /** The schema name, e.g. "devices": lower-case letters and digits. */
    String name();

    /** When the migrations last finished. */
    Instant migratedAt();
}
