package org.garrison.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls until a condition holds: servers and agents work asynchronously, and a test waits for what it expects to
 * show up rather than for a fixed time.
 */
final class Waiting {

    private static final Duration PAUSE = Duration.ofMillis(250);

    private Waiting() {
    }

    /**
     * @param what     what is awaited, for the failure message
     * @param probe    the value once it is there, empty until then
     * @param lastSeen what was last seen, for the failure message
     * @throws TestKitException when the timeout passes first
     */
    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TestKitException("Waited " + timeout.toSeconds() + " s for " + what + " in vain; last seen: "
                        + lastSeen.get());
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestKitException("Interrupted while waiting", e);
        }
    }
}
