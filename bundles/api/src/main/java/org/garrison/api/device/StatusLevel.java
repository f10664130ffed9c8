package org.garrison.api.device;

/**
 * A device's status, from best to worst. The order of the constants is the severity order.
 */
public enum StatusLevel {
    /** Nothing needs attention. */
    OK,
    /** Something needs attention soon. */
    WARNING,
    /** Something needs attention now. */
    CRITICAL;

    /** The worse of this level and another. */
    public StatusLevel worst(StatusLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
