package org.garrison.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The unpacked distribution run as an admin runs it: through its own {@code bin/karaf}, on free ports.
 */
final class ServerProcess implements AutoCloseable {

    private final Path home;
    private final int httpsPort;
    private final int sshPort;
    private final int gatewayPort;
    private Process process;

    ServerProcess(Path home) throws IOException {
        this.home = home;
        this.httpsPort = GarrisonContainer.freePort();
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", String.valueOf(httpsPort));
        this.sshPort = GarrisonContainer.freePort();
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        setProperty("etc/system.properties", GarrisonContainer.HTTP_PORT, String.valueOf(GarrisonContainer.freePort()));
        this.gatewayPort = GarrisonContainer.freePort();
        setProperty("etc/org.garrison.gateway.cfg", "port", String.valueOf(gatewayPort));
    }

    /** Chooses the first admin's password before the first start, as an automated install does. */
    void chooseAdminPassword(String password) throws IOException {
        setProperty("etc/system.properties", "garrison.admin.password", password);
    }

    /**
     * A copy of the distribution that the build unpacked (maven-dependency-plugin, into a folder wiped first)
     * before the integration tests, for one test class only: it has never run.
     *
     * @param name the copy's folder, e.g. "restart" (see the itests pom)
     */
    static Path unpacked(String name) throws IOException {
        Path parent = Path.of(System.getProperty("garrison.test.servers.dir"), name);
        try (var children = Files.list(parent)) {
            return children.filter(p -> p.getFileName().toString().startsWith("garrison-server-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no distribution unpacked in " + parent));
        }
    }

    /** Points the server at another database by rewriting etc/org.ops4j.datasource-garrison.cfg. */
    void useDatabase(String driverName, String url, String user, String password) throws IOException {
        setProperty("etc/org.ops4j.datasource-garrison.cfg", "osgi.jdbc.driver.name", driverName);
        setProperty("etc/org.ops4j.datasource-garrison.cfg", "url", url);
        setProperty("etc/org.ops4j.datasource-garrison.cfg", "user", user);
        setProperty("etc/org.ops4j.datasource-garrison.cfg", "password", password);
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/karaf").toString(), "server"))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server-output.log").toFile()));
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
    }

    /** Stops the server with {@code bin/stop}, as an admin does, and waits for the process to end. */
    void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        ProcessBuilder stop = new ProcessBuilder(List.of(home.resolve("bin/stop").toString()))
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server-output.log").toFile()));
        stop.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        stop.start().waitFor(60, TimeUnit.SECONDS);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("the server did not stop within 90 s");
        }
        process = null;
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            kill();
        }
    }

    /** Ends the server at once with SIGKILL, as a power cut or the OOM killer would: no shutdown of any kind. */
    void killHard() throws InterruptedException {
        kill();
    }

    private void kill() throws InterruptedException {
        // bin/karaf is a shell script running the JVM as its child: end both
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        process = null;
    }

    /** A client that trusts exactly the certificate the server generated for itself on first start. */
    Api httpsApi() throws Exception {
        return httpsApi("localhost");
    }

    /**
     * A client of the server at another of this machine's addresses (e.g. a non-loopback one, so the server sees a
     * remote caller), trusting exactly the server's generated certificate whatever name it is reached by.
     */
    Api httpsApi(String host) throws Exception {
        Properties web = awaitGeneratedKeystore();
        char[] password = web.getProperty("org.ops4j.pax.web.ssl.keystore.password").toCharArray();
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(home.resolve("etc/garrison-https.p12"))) {
            keystore.load(in, password);
        }
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {new PinnedCertificate(keystore.getCertificate("garrison"))}, null);
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return new Api("https://" + authority + ":" + httpsPort, ssl);
    }

    private Properties awaitGeneratedKeystore() throws IOException, InterruptedException {
        for (int i = 0; i < 240; i++) {
            Properties web = load("etc/org.ops4j.pax.web.cfg");
            if (!web.getProperty("org.ops4j.pax.web.ssl.keystore.password", "@").contains("@")
                    && Files.exists(home.resolve("etc/garrison-https.p12"))) {
                return web;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("bin/setenv did not create the HTTPS keystore:\n" + output());
    }

    Properties load(String relative) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve(relative))) {
            properties.load(in);
        }
        return properties;
    }

    /** What the server printed, and the warnings and errors of its log, for a failing test's message. */
    String output() throws IOException {
        Path out = home.resolve("server-output.log");
        Path log = home.resolve("data/log/karaf.log");
        String printed = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        String problems = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("| WARN ") || line.contains("| ERROR") || line.startsWith("\t")
                        || line.contains("Schema '"))
                .limit(400).collect(java.util.stream.Collectors.joining("\n")) : "";
        return printed + "\n--- karaf.log (warnings, errors, schemas) ---\n" + problems;
    }

    Path home() {
        return home;
    }

    /** The base address of the agent gateway (mutual TLS). */
    String gateway() {
        return "https://127.0.0.1:" + gatewayPort;
    }

    /** The port of the server's SSH shell (on 127.0.0.1). */
    int sshPort() {
        return sshPort;
    }

    Duration startTimeout() {
        return Duration.ofMinutes(3);
    }

    private void setProperty(String relative, String key, String value) throws IOException {
        Path file = home.resolve(relative);
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Matcher line = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(key) + "[ \\t]*[=:].*$").matcher(text);
        String replacement = key + " = " + value;
        text = line.find() ? line.replaceAll(Matcher.quoteReplacement(replacement)) : text + "\n" + replacement + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
