/**
 * Facts about this Administration Server installation: its identity, version and uptime.
 */
@Version("1.0.0")
@Export
package org.garrison.api.server;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
