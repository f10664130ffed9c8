package org.garrison.api.store;

/**
 * Where a bundle's schema stands.
 */
public enum SchemaState {
    /** Its migrations are running. */
    MIGRATING,
    /** Its migrations are applied; its {@link MigratedSchema} service is registered. */
    READY,
    /** Its declaration or one of its migrations failed; the bundle's components that need it stay inactive. */
    FAILED
}
