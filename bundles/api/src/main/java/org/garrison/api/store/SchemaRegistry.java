package org.garrison.api.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The schemas the store knows about, with their migration state, for admins and diagnostics.
 */
@ProviderType
public interface SchemaRegistry {

    /** Every declared schema of the bundles currently started, ordered by name. */
    List<SchemaStatus> schemas();
}
