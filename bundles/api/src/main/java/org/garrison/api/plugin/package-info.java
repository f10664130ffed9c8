/**
 * The contract between the server and managed-application plugins.
 *
 * <p>A plugin is an ordinary OSGi bundle whose manifest carries the {@value PluginHeaders#PLUGIN} header and which
 * ships its descriptor, settings schemas, console modules and migrations under {@code GARRISON-INF/}. The SPI
 * interfaces that plugins implement ({@code @ConsumerType}) are added to this package as the platform grows; they
 * evolve through default methods so that a new capability is a minor version.
 */
@Version("1.1.0")
@Export
package org.garrison.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
