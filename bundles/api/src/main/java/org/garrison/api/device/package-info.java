/**
 * Managed devices: identity, network, operating system, virtualisation, activity, status, tags, users and sessions,
 * hardware and software registries, installed managed applications.
 */
@Version("1.3.0")
@Export
package org.garrison.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
