package org.garrison.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Contributes permissions, e.g. a plugin's own ones: register it as a service and its permissions can be put into
 * custom roles while it is present. Built-in roles: the main administrator holds every permission, including these.
 */
@ConsumerType
public interface PermissionProvider {

    List<PermissionDefinition> permissions();
}
