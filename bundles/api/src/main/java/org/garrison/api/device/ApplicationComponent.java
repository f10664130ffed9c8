package org.garrison.api.device;

/**
 * A component of a managed application (e.g. "File Threat Protection").
 *
 * @param name    the component's name
 * @param version its version, or {@code null}
 * @param status  its status as the application reports it, e.g. "running", "not installed"
 */
public record ApplicationComponent(String name, String version, String status) {
}
