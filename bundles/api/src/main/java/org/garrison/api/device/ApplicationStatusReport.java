package org.garrison.api.device;

/**
 * A device-status reason a managed application sets for the device.
 *
 * @param level WARNING or CRITICAL (OK adds nothing)
 * @param code  the application's own stable code, e.g. "DATABASES_OUTDATED"
 * @param text  the human-readable explanation
 */
public record ApplicationStatusReport(StatusLevel level, String code, String text) {
}
