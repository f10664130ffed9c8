package org.garrison.api.security;

/**
 * Something a signed-in caller must do before they may use anything but {@link SignedIn} methods.
 */
public enum PendingStep {
    /** The password was generated or reset by an administrator and must be changed. */
    CHANGE_PASSWORD,
    /** The current legal terms have not been accepted yet. */
    ACCEPT_TERMS
}
