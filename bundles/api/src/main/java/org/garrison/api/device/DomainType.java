package org.garrison.api.device;

/**
 * The kind of Windows domain a device belongs to.
 */
public enum DomainType {
    /** An Active Directory domain. */
    ACTIVE_DIRECTORY,
    /** A Windows NT domain. */
    NT_DOMAIN,
    /** A workgroup (no domain). */
    WORKGROUP
}
