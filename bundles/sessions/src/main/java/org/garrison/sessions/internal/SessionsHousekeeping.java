package org.garrison.sessions.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few minutes, on its own thread: removes expired sessions, the sessions and tokens of deleted accounts, and
 * ended series of failed sign-ins.
 */
@Component(service = {})
public class SessionsHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(SessionsHousekeeping.class);
    private static final long INTERVAL_MINUTES = 10;

    private final SessionAuthenticator sessions;
    private final SignInService signIn;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "garrison-sessions-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public SessionsHousekeeping(@Reference SessionAuthenticator sessions, @Reference SignInService signIn) {
        this.sessions = sessions;
        this.signIn = signIn;
        executor.scheduleWithFixedDelay(this::run, 1, INTERVAL_MINUTES, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private void run() {
        try {
            sessions.purge();
            signIn.purge();
        } catch (RuntimeException e) {
            LOG.warn("Session clean-up failed; it runs again in {} minutes", INTERVAL_MINUTES, e);
        }
    }
}
