package org.garrison.sessions.internal;

import java.util.List;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * What the sessions area stores, for the data inventory: console sessions, API tokens and series of failed sign-ins.
 * It reads the sessions' configuration, so the inventory states the lifetimes in force.
 */
@Component(configurationPid = SessionsConfig.PID)
public class SessionsDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;

    /** The settings that decide how long the stored data lives. */
    record Lifetimes(int idleTimeoutMinutes, int absoluteTimeoutHours, int failureWindowMinutes, int tokenMaxDays) {

        static Lifetimes of(SessionsConfig config) {
            return new Lifetimes(config.idleTimeoutMinutes(), config.absoluteTimeoutHours(),
                    config.failureWindowMinutes(), config.tokenMaxDays());
        }
    }

    private volatile List<DataItem> items;

    @Activate
    public SessionsDataInventory(SessionsConfig config) {
        this(Lifetimes.of(config));
    }

    SessionsDataInventory(Lifetimes lifetimes) {
        items = items(lifetimes);
    }

    @Modified
    void modified(SessionsConfig config) {
        items = items(Lifetimes.of(config));
    }

    @Override
    public List<DataItem> dataItems() {
        return items;
    }

    private static List<DataItem> items(Lifetimes lifetimes) {
        return List.of(
                new DataItem("session.console-sessions", OWNER, "Console sessions",
                        "Each signed-in session: its account, the SHA-256 hash of the session id (never the id), "
                                + "the CSRF token, when it started, was last used and expires, and the client's "
                                + "network address and browser (user agent). Personal data.",
                        DataOrigin.SERVER, "SESSIONS_SESSION", true, false,
                        "until sign-out, or " + lifetimes.idleTimeoutMinutes() + " minutes without a request, or "
                                + lifetimes.absoluteTimeoutHours() + " hours after sign-in (idleTimeoutMinutes, "
                                + "absoluteTimeoutHours of " + SessionsConfig.PID + "); expired sessions are "
                                + "removed within 10 minutes"),
                new DataItem("session.api-tokens", OWNER, "API tokens",
                        "Each personal API token: its account, name, visible prefix, the roles it carries, when it "
                                + "was created, expires and was last used, and the SHA-256 hash of its secret "
                                + "(never the secret). Personal data: the last use tells when a person worked.",
                        DataOrigin.ADMIN, "SESSIONS_TOKEN", true, false,
                        "until revoked or its account is deleted; a token expires after at most "
                                + lifetimes.tokenMaxDays() + " days (tokenMaxDays of " + SessionsConfig.PID
                                + ") but stays listed until revoked"),
                new DataItem("session.sign-in-failures", OWNER, "Failed sign-ins",
                        "Series of failed sign-ins, per account (a keyed hash of the login) and per client network "
                                + "address, for the back-off. Personal data: holds network addresses.",
                        DataOrigin.SERVER, "SESSIONS_FAILURE", true, false,
                        lifetimes.failureWindowMinutes() + " minutes after the series' last failure "
                                + "(failureWindowMinutes of " + SessionsConfig.PID + "), removed within 10 minutes "
                                + "after that"));
    }
}
