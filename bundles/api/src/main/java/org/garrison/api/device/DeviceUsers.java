package org.garrison.api.device;

import java.util.List;

/**
 * The user accounts of a device and their work sessions.
 *
 * @param accounts the accounts
 * @param sessions the sessions, newest first
 */
public record DeviceUsers(List<UserAccount> accounts, List<UserSession> sessions) {

    public DeviceUsers {
        accounts = List.copyOf(accounts);
        sessions = List.copyOf(sessions);
    }
}
