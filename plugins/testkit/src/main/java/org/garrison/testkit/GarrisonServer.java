package org.garrison.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * A real Garrison server for a test: a never-run copy of the distribution ({@code garrison-server} {@code .tar.gz} or
 * {@code .zip}, or an unpacked folder) in a folder of its own, on free ports (HTTPS, the local HTTP connector, SSH
 * and the agent gateway), with an admin password chosen before its first start, started with its own
 * {@code bin/karaf server}. {@link #close()} stops it with {@code bin/stop}, stops the agents it enrolled, and removes
 * its folder.
 *
 * <pre>{@code
 * try (GarrisonServer server = GarrisonServer.fromDistribution(Path.of("target/garrison/garrison-server.tar.gz"))
 *         .start()) {
 *     server.admin().installPlugin(Path.of("target/acme-av-1.0.0.jar")).requireActive();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} returns once the server is healthy, the admin is signed in and the plugin, enrollment,
 * policy and task areas answer. A cold start takes 15 to 60 seconds; start one server per test class, not per test.
 * The server runs on the JVM the test runs on (Java 17; Karaf 4.4 does not run on Java 24 or later) unless
 * {@link Builder#javaHome(Path)} names another. The launcher is the distribution's shell script: Linux and macOS.
 */
public final class GarrisonServer implements AutoCloseable {

    /** The areas that must answer before the server counts as started (the gateway's tokens, plugins, ...). */
    static final List<String> READY_PATHS = List.of("/plugins", "/enrollment-tokens", "/policies", "/tasks");

    private final Path folder;
    private final Path home;
    private final boolean keepFolder;
    private final ServerProcess process;
    private final int httpsPort;
    private final int gatewayPort;
    private final int sshPort;
    private final String adminPassword;
    private final Path javaHome;
    private final List<EnrolledAgent> agents = new ArrayList<>();
    private GarrisonClient anonymous;
    private GarrisonClient admin;

    private GarrisonServer(Builder builder, Path folder, Path home) {
        this.folder = folder;
        this.home = home;
        this.keepFolder = builder.keepFolder;
        this.adminPassword = builder.adminPassword;
        this.javaHome = builder.javaHome;
        this.process = new ServerProcess(home, javaHome);
        ConfigFiles etc = new ConfigFiles(home);
        this.httpsPort = FreePorts.next();
        etc.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", String.valueOf(httpsPort));
        etc.set("etc/system.properties", "garrison.http.port", String.valueOf(FreePorts.next()));
        this.sshPort = FreePorts.next();
        etc.set("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        this.gatewayPort = FreePorts.next();
        etc.set("etc/org.garrison.gateway.cfg", "port", String.valueOf(gatewayPort));
        builder.settings.forEach((file, values) -> values.forEach((key, value) -> etc.set(file, key, value)));
    }

    /**
     * Starts building a server from a distribution.
     *
     * @param distribution the {@code garrison-server} archive ({@code .tar.gz} or {@code .zip}) or an unpacked
     *                     distribution's folder (copied, without its {@code data/}, so it stays as it is)
     */
    public static Builder fromDistribution(Path distribution) {
        return new Builder(distribution);
    }

    /** How the server is set up before its first start. */
    public static final class Builder {

        private final Path distribution;
        private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        private String adminPassword = generatedPassword();
        private Path workFolder;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Duration startTimeout = Duration.ofMinutes(3);
        private boolean keepFolder;

        private Builder(Path distribution) {
            this.distribution = Objects.requireNonNull(distribution, "distribution");
        }

        /**
         * The first admin's password (login {@code admin}), at least 12 characters; by default a random one
         * ({@link GarrisonServer#adminPassword()}). Given to the server's first start as
         * {@code GARRISON_ADMIN_PASSWORD}, so it need not be changed at the first sign-in.
         */
        public Builder adminPassword(String password) {
            if (password == null || password.codePointCount(0, password.length()) < 12) {
                throw new IllegalArgumentException("The admin password needs at least 12 characters");
            }
            this.adminPassword = password;
            return this;
        }

        /**
         * Sets a configuration value before the first start, e.g.
         * {@code configure("etc/org.garrison.gateway.cfg", "syncInterval", "10")}. The ports are the kit's.
         */
        public Builder configure(String file, String key, String value) {
            settings.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /** Where the server's folder is created (default: a new temporary folder). */
        public Builder workFolder(Path folder) {
            this.workFolder = folder;
            return this;
        }

        /** The Java 17 installation the server runs on (default: the one running the test). */
        public Builder javaHome(Path home) {
            this.javaHome = Objects.requireNonNull(home, "home");
            return this;
        }

        /** How long the start may take before it counts as failed (default 3 minutes). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Keeps the server's folder (logs, database) after {@link GarrisonServer#close()}, for diagnosis. */
        public Builder keepFolder(boolean keep) {
            this.keepFolder = keep;
            return this;
        }

        /**
         * Unpacks the distribution, starts the server and waits until it is ready.
         *
         * @throws TestKitException with the server's output when it does not come up in time
         */
        public GarrisonServer start() {
            Path folder;
            Path home;
            try {
                folder = workFolder == null ? Files.createTempDirectory("garrison-server-")
                        : Files.createDirectories(workFolder.resolve("garrison-server-" + UUID.randomUUID()));
                home = Distribution.install(distribution, folder);
            } catch (IOException e) {
                throw new TestKitException("Cannot unpack the distribution " + distribution + ": " + e, e);
            }
            GarrisonServer server = new GarrisonServer(this, folder, home);
            try {
                server.launch(startTimeout);
                return server;
            } catch (RuntimeException e) {
                String output = server.output();
                server.abort();
                throw new TestKitException(e.getMessage() + "\n--- server output ---\n" + output, e);
            }
        }

        private static String generatedPassword() {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            return "Kit-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
    }

    private void launch(Duration timeout) {
        try {
            process.start(Map.of("GARRISON_ADMIN_PASSWORD", adminPassword));
        } catch (IOException e) {
            throw new TestKitException("Cannot run " + home.resolve("bin/karaf") + ": " + e, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Certificate certificate = Waiting.until("the server's HTTPS certificate (made by bin/setenv)", timeout,
                this::generatedCertificate, () -> "none yet");
        anonymous = GarrisonClient.connect(httpsUrl(), PinnedCertificate.context(certificate));
        anonymous.await("/api/v1/health", this::upWhileRunning, remaining(deadline));
        admin = anonymous.signIn("admin", adminPassword);
        for (String path : READY_PATHS) {
            admin.await(path, this::upWhileRunning, remaining(deadline));
        }
    }

    private boolean upWhileRunning(ApiResponse answer) {
        if (!process.isRunning()) {
            throw new TestKitException("The server stopped while starting");
        }
        return answer.status() == 200;
    }

    private Optional<Certificate> generatedCertificate() {
        if (!process.isRunning()) {
            throw new TestKitException("The server stopped while starting");
        }
        Properties web = new ConfigFiles(home).read("etc/org.ops4j.pax.web.cfg");
        String password = web.getProperty("org.ops4j.pax.web.ssl.keystore.password", "@");
        Path keystore = home.resolve("etc/garrison-https.p12");
        if (password.contains("@") || !Files.exists(keystore)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return Optional.ofNullable(store.getCertificate(web.getProperty("org.ops4j.pax.web.ssl.key.alias",
                    "garrison")));
        } catch (IOException | GeneralSecurityException stillBeingWritten) {
            return Optional.empty();
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** The console's and REST API's HTTPS address, e.g. {@code https://localhost:40123}. */
    public URI httpsUrl() {
        return URI.create("https://localhost:" + httpsPort);
    }

    /** The agent gateway's address (mutual TLS), e.g. {@code https://127.0.0.1:40125}. */
    public URI gatewayUrl() {
        return URI.create("https://127.0.0.1:" + gatewayPort);
    }

    /** The port of the Karaf shell over SSH, on 127.0.0.1. */
    public int sshPort() {
        return sshPort;
    }

    /** The distribution's folder: {@code etc/}, {@code deploy/}, {@code data/log/karaf.log}. */
    public Path home() {
        return home;
    }

    /** The password of the account {@code admin}. */
    public String adminPassword() {
        return adminPassword;
    }

    /** A client signed in as {@code admin} with a session (the server's own certificate pinned). */
    public GarrisonClient admin() {
        return admin;
    }

    /** A client without credentials (the server's own certificate pinned), e.g. to check what needs a sign-in. */
    public GarrisonClient anonymous() {
        return anonymous;
    }

    /** Uploads a plugin JAR as the admin; see {@link GarrisonClient#installPlugin(Path)}. */
    public PluginInstallation installPlugin(Path jar) {
        return admin.installPlugin(jar);
    }

    /** Uninstalls a plugin as the admin; see {@link GarrisonClient#uninstallPlugin(String, boolean)}. */
    public void uninstallPlugin(String id, boolean purge) {
        admin.uninstallPlugin(id, purge);
    }

    /**
     * Starts a real Network Agent enrolled into a group of this server, with an enrollment token of its own, and
     * returns once its device exists. The agent is stopped with the server at the latest.
     *
     * @param agentJar the runnable agent ({@code garrison-agent} artifact, classifier {@code all})
     * @param groupId  the administration group its device is created in; {@code null} for "Unassigned devices"
     */
    public EnrolledAgent enrollAgent(Path agentJar, String groupId) {
        try {
            Path agentFolder = Files.createDirectories(home.resolve("test-agents")
                    .resolve("agent-" + (agents.size() + 1)));
            EnrolledAgent agent = EnrolledAgent.enroll(this, agentJar, groupId, agentFolder);
            agents.add(agent);
            return agent;
        } catch (IOException e) {
            throw new TestKitException("Cannot create the agent's folder: " + e, e);
        }
    }

    /** What the server printed, and the warnings and errors of its log: for a failing test's message. */
    public String output() {
        return process.output();
    }

    /** The Java installation the server runs on, and the agents it enrolls. */
    Path javaHome() {
        return javaHome;
    }

    /** Ends a server that did not come up: no orderly stop to wait for. */
    private void abort() {
        try {
            process.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!keepFolder) {
            Distribution.delete(folder);
        }
    }

    /** Stops the agents and the server, and removes the server's folder (unless it is kept). */
    @Override
    public void close() {
        List<Throwable> problems = new ArrayList<>();
        for (EnrolledAgent agent : agents) {
            try {
                agent.close();
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        agents.clear();
        try {
            process.stop();
        } catch (IOException | RuntimeException e) {
            problems.add(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(e);
        }
        if (!keepFolder) {
            Distribution.delete(folder);
        }
        if (!problems.isEmpty()) {
            TestKitException failure = new TestKitException("Stopping the server: " + problems.get(0).getMessage(),
                    problems.get(0));
            problems.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
