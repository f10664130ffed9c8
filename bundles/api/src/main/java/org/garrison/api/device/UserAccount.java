package org.garrison.api.device;

import java.time.Instant;

/**
 * A user account known on a device.
 *
 * @param name        the account name
 * @param domain      the account's domain, or {@code null} for a local account
 * @param fullName    the user's full name, or {@code null}
 * @param lastLogonAt when the user last signed in on the device, or {@code null}
 */
public record UserAccount(String name, String domain, String fullName, Instant lastLogonAt) {
}
