package org.garrison.api.device;

/**
 * One line of the fleet-wide hardware registry.
 *
 * @param category    the component category
 * @param vendor      the vendor, or {@code null}
 * @param model       the model (or the name, for components without a model), or {@code null}
 * @param deviceCount how many devices have it
 */
public record HardwareModel(String category, String vendor, String model, long deviceCount) {
}
