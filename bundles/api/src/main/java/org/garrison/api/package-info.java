/**
 * Garrison's core contract: identifiers, actors and cursor paging shared by every area.
 */
@Version("1.0.0")
@Export
package org.garrison.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
