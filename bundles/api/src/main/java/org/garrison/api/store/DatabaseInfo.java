package org.garrison.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which database the server runs on and whether it answers.
 */
@ProviderType
public interface DatabaseInfo {

    /** Checks the database now (a pooled connection and a validity check, bounded to a few seconds). */
    DatabaseStatus status();
}
