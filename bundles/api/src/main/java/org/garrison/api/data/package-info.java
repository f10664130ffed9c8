/**
 * The data inventory: every kind of data the server holds, from the core and from each plugin, with its source,
 * storage, protection and retention.
 */
@Version("1.0.0")
@Export
package org.garrison.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
