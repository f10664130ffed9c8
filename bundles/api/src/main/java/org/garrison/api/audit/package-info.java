/**
 * Revision history of management objects and the registry of deleted objects.
 *
 * <p>Every area that owns management objects (administration groups, devices' admin fields, policies, tasks,
 * accounts...) records a {@link Revision} for each change, inside the same transaction as the change, and
 * registers a {@link DeletedObject} when it deletes one. To let admins restore, the area registers an
 * {@link ObjectRestorer} for its object type.
 */
@Version("1.0.0")
@Export
package org.garrison.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
