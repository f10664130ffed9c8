package org.garrison.plugins.endpointprotection.internal.store;

/**
 * @param detected        every detection of the device
 * @param notDisinfected  those the application could not disinfect
 */
public record ThreatCounts(long detected, long notDisinfected) {
}
