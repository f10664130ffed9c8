/**
 * Storage contract: transactions over the server's {@code DataSource}, the database in use, and per-bundle schema
 * migrations.
 *
 * <p>A bundle (core or plugin) owns its tables by declaring them in its manifest:
 * <pre>Garrison-Schema: devices;changelog=db/devices.sql</pre>
 * The store runs the Liquibase changelog from the bundle's own class loader, with a history table of the bundle's
 * own, whenever the bundle starts (so also after an upgrade), and then registers a {@link MigratedSchema} service
 * with the property {@code garrison.schema=<name>}. Components that use the tables reference that service, so they
 * never run against a schema that is not ready:
 * <pre>&#64;Reference(target = "(garrison.schema=devices)") MigratedSchema schema</pre>
 */
@Version("1.1.0")
@Export
package org.garrison.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
