package org.garrison.agent.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a program of the operating system and returns what it printed, within a time limit: an agent must never hang
 * on a stuck package manager, so a program that does not finish in time is killed and counts as failed.
 */
final class ExternalCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalCommand.class);

    /** Reads a program's output on a daemon thread, so a stuck pipe never keeps the agent from exiting. */
    private static final Executor READER = task -> {
        Thread thread = new Thread(task, "garrison-command-output");
        thread.setDaemon(true);
        thread.start();
    };

    private ExternalCommand() {
    }

    /**
     * The standard output of the program if it ran and exited with status 0 within the timeout, else empty.
     *
     * @param command the program and its arguments (no shell)
     */
    static Optional<String> run(Duration timeout, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("Could not start {}: {}", command.get(0), e.getMessage());
            return Optional.empty();
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()),
                READER);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not finish within {} s; stopped it", command.get(0), timeout.toSeconds());
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            return Optional.empty();
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
