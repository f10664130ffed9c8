package org.garrison.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs commands in a Karaf shell session inside the server under test, as an admin at the console would.
 */
final class KarafShell {

    private final BundleContext context;

    KarafShell(BundleContext context) {
        this.context = context;
    }

    /** Runs one command line and returns what it printed (standard output and error). */
    String execute(String command) throws Exception {
        ServiceTracker<SessionFactory, SessionFactory> tracker = new ServiceTracker<>(context, SessionFactory.class,
                null);
        tracker.open();
        try {
            SessionFactory factory = tracker.waitForService(60_000);
            if (factory == null) {
                throw new AssertionError("no Karaf shell within 60 s");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            try (Session session = factory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
                session.execute(command);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            tracker.close();
        }
    }
}
