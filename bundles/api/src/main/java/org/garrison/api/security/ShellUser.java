package org.garrison.api.security;

import org.garrison.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who runs the current {@code garrison:*} command in the server's shell (Karaf console or SSH), for the commands of
 * every area. Shell users sign in through the Garrison realm, which maps their grants to Karaf roles: {@code admin}
 * for main administrators, {@code manager} for administrators of the whole server. The shell cannot tell which groups
 * a user's grants cover, so commands that change things ask for one of these roles. Call it on the command's thread.
 */
@ProviderType
public interface ShellUser {

    /** The shell as the actor of a change, named after the signed-in shell user when there is one. */
    Actor actor();

    /**
     * @param action what the command does, completing "may … from the shell", e.g. "change plugins"
     * @throws org.garrison.api.error.ForbiddenException unless the shell user administers the whole server (Karaf role
     *         {@code manager} or {@code admin})
     */
    void requireAdministrator(String action);

    /**
     * @param action what the command does, completing "may … from the shell", e.g. "change accounts or keys"
     * @throws org.garrison.api.error.ForbiddenException unless the shell user is a main administrator (Karaf role
     *         {@code admin})
     */
    void requireMainAdministrator(String action);

    /**
     * Records the command in the audit log, as the REST layer records calls (the shell bypasses it). Nothing is
     * recorded while the audit log is not running.
     *
     * @param command the command's name without the {@code garrison:} scope, e.g. {@code plugin-install}
     */
    void audit(String command, String objectType, String objectId);
}
