package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The server as a first-time admin meets it, over real HTTPS through its own scripts: the generated first password
 * and its forced change, sessions with their cookie flags and CSRF token, API tokens, roles, lockout, and personal
 * data that cannot be read from the database files.
 */
public class SecurityIT {

    private static final String EMAIL = "grace.hopper@example.org";
    private static final String FULL_NAME = "Grace Brewster Hopper";
    private static final String GRACE_PASSWORD = "Auditor-passphrase-" + System.nanoTime();
    private static final String PLAIN_GROUP = "Plainly named security test group";
    private static final String AUDITOR_ROLE = "00000000-0000-0000-0000-00000000a004";
    private static final String MANAGED_DEVICES = "00000000-0000-0000-0000-000000000001";

    @Test
    public void aFirstTimeAdminSignsInChangesThePasswordAndWorksSafely() throws Exception {
        try (ServerProcess server = new ServerProcess(ServerProcess.unpacked("security"))) {
            server.start();
            Api api = server.httpsApi();
            try {
                api.awaitStatus("/api/v1/health", 200, server.startTimeout());
                String generated = initialPassword(server);
                nobodyGetsInWithoutCredentials(api);
                String password = theGeneratedPasswordMustBeChanged(api, generated);
                assertFalse("the generated password's file goes once the admin chose their own",
                        Files.exists(server.home().resolve("data/initial-admin-password")));
                sessionsNeedTheirCsrfToken(api);
                apiTokensWorkUntilRevoked(api);
                anAuditorReadsButCannotChange(server, api);
                theShellSignsInWithGarrisonAccounts(server, api, password);
                signingOutEndsTheSession(api, password);
                repeatedFailuresAreSlowedDown(server, password);
                assertFalse("the generated password must never be logged",
                        Files.readString(server.home().resolve("data/log/karaf.log")).contains(generated));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nserver output:\n" + server.output(), e);
            }
            server.stop();
            personalDataIsNotReadableInTheDatabaseFiles(server.home());
        }
    }

    private static String initialPassword(ServerProcess server) throws Exception {
        Path file = server.home().resolve("data/initial-admin-password");
        for (int i = 0; i < 240 && !Files.exists(file); i++) {
            Thread.sleep(250);
        }
        assertTrue("data/initial-admin-password was not written", Files.exists(file));
        assertEquals("only the server's user may read the initial password",
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        assertTrue("a generated password must be long: " + password.length(), password.length() >= 20);
        return password;
    }

    private static void nobodyGetsInWithoutCredentials(Api api) throws Exception {
        for (String path : List.of("/api/v1/devices", "/api/v1/groups", "/api/v1/events", "/api/v1/accounts",
                "/api/v1/me", "/api/v1/audit-log")) {
            HttpResponse<String> response = api.get(path);
            assertEquals(path + " " + response.body(), 401, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
        assertEquals(401, api.withToken("gar_not-a-real-token").get("/api/v1/devices").statusCode());
        assertEquals(401, api.postJson("/api/v1/groups", "{\"parentId\":\"" + MANAGED_DEVICES
                + "\",\"name\":\"x\"}").statusCode());
        HttpResponse<String> wrong = api.anonymousClient().signIn("admin", "not-the-password-at-all");
        assertEquals(wrong.body(), 401, wrong.statusCode());
        HttpResponse<String> unknown = api.anonymousClient().signIn("nobody-by-that-name", "whatever-password");
        assertEquals(unknown.body(), 401, unknown.statusCode());
        assertEquals("a wrong password and an unknown login must read the same",
                Json.string(wrong.body(), "detail"), Json.string(unknown.body(), "detail"));
    }

    private static String theGeneratedPasswordMustBeChanged(Api api, String generated) throws Exception {
        HttpResponse<String> signIn = api.signIn("admin", generated);
        assertEquals(signIn.body(), 201, signIn.statusCode());
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("GARRISON_SESSION=")).findFirst().orElseThrow();
        String flags = cookie.toLowerCase();
        assertTrue(cookie, flags.contains("httponly"));
        assertTrue(cookie, flags.contains("samesite=strict"));
        assertTrue("the cookie of an HTTPS sign-in must be Secure: " + cookie, flags.contains("secure"));
        assertTrue(signIn.body(), signIn.body().contains("CHANGE_PASSWORD"));

        HttpResponse<String> blocked = api.get("/api/v1/devices");
        assertEquals(blocked.body(), 403, blocked.statusCode());
        assertEquals("change-password", Json.string(blocked.body(), "code"));
        assertEquals(200, api.get("/api/v1/me").statusCode());

        Api elsewhere = api.anonymousClient();
        assertEquals(201, elsewhere.signIn("admin", generated).statusCode());
        String password = "A-much-better-passphrase-" + System.nanoTime();
        HttpResponse<String> tooShort = api.putJson("/api/v1/me/password",
                "{\"currentPassword\":" + Json.quote(generated) + ",\"newPassword\":\"short\"}");
        assertEquals(tooShort.body(), 422, tooShort.statusCode());
        HttpResponse<String> wrongCurrent = api.putJson("/api/v1/me/password",
                "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":" + Json.quote(password) + "}");
        assertEquals(wrongCurrent.body(), 422, wrongCurrent.statusCode());
        HttpResponse<String> changed = api.putJson("/api/v1/me/password",
                "{\"currentPassword\":" + Json.quote(generated) + ",\"newPassword\":" + Json.quote(password) + "}");
        assertEquals(changed.body(), 204, changed.statusCode());
        assertEquals(200, api.get("/api/v1/devices").statusCode());
        assertEquals("a password change ends the account's other sessions", 401,
                elsewhere.get("/api/v1/me").statusCode());
        assertEquals("the generated password no longer works", 401,
                api.anonymousClient().signIn("admin", generated).statusCode());
        return password;
    }

    private static void sessionsNeedTheirCsrfToken(Api api) {
        String body = "{\"parentId\":\"" + MANAGED_DEVICES + "\",\"name\":" + Json.quote(PLAIN_GROUP) + "}";
        Api withoutCsrf = api.anonymousClient();
        HttpResponse<String> forged = withoutCsrf.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(api.base() + "/api/v1/groups"))
                .header("Content-Type", "application/json").header("Cookie", "GARRISON_SESSION=" + api.sessionCookie())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(forged.body(), 403, forged.statusCode());
        assertEquals("csrf", Json.string(forged.body(), "code"));
        HttpResponse<String> created = api.postJson("/api/v1/groups", body);
        assertEquals(created.body(), 201, created.statusCode());
    }

    private static void apiTokensWorkUntilRevoked(Api api) {
        HttpResponse<String> created = api.postJson("/api/v1/tokens", "{\"name\":\"security test script\"}");
        assertEquals(created.body(), 201, created.statusCode());
        String token = Json.string(created.body(), "token");
        String id = Json.string(created.body(), "id");
        assertNotNull(created.body(), token);
        assertFalse("the secret is shown only once", api.get("/api/v1/tokens").body().contains(token));

        Api script = api.withToken(token);
        assertEquals(200, script.get("/api/v1/devices").statusCode());
        HttpResponse<String> noCsrfNeeded = script.postJson("/api/v1/groups",
                "{\"parentId\":\"" + MANAGED_DEVICES + "\",\"name\":\"Created by a token\"}");
        assertEquals(noCsrfNeeded.body(), 201, noCsrfNeeded.statusCode());

        assertEquals(204, api.delete("/api/v1/tokens/" + id).statusCode());
        assertEquals("a revoked token no longer works", 401, script.get("/api/v1/devices").statusCode());
    }

    private static void anAuditorReadsButCannotChange(ServerProcess server, Api admin) throws Exception {
        String password = GRACE_PASSWORD;
        HttpResponse<String> created = admin.postJson("/api/v1/accounts", "{\"login\":\"grace\",\"fullName\":"
                + Json.quote(FULL_NAME) + ",\"email\":" + Json.quote(EMAIL) + ",\"phone\":\"+1 555 0100\","
                + "\"password\":" + Json.quote(password) + ",\"mustChangePassword\":false,"
                + "\"grants\":[{\"roleId\":\"" + AUDITOR_ROLE + "\",\"groupId\":\"" + MANAGED_DEVICES + "\"}]}");
        assertEquals(created.body(), 201, created.statusCode());
        assertFalse("an answer never carries a password", created.body().contains(password));

        Api auditor = server.httpsApi();
        assertEquals(201, auditor.signIn("grace", password).statusCode());
        assertEquals(200, auditor.get("/api/v1/devices").statusCode());
        assertEquals(200, auditor.get("/api/v1/audit-log").statusCode());
        HttpResponse<String> refused = auditor.postJson("/api/v1/groups",
                "{\"parentId\":\"" + MANAGED_DEVICES + "\",\"name\":\"Not allowed\"}");
        assertEquals(refused.body(), 403, refused.statusCode());
        HttpResponse<String> noAccounts = auditor.postJson("/api/v1/accounts", "{\"login\":\"mallory\"}");
        assertEquals(noAccounts.body(), 403, noAccounts.statusCode());
        HttpResponse<String> log = admin.get("/api/v1/audit-log?limit=200");
        assertEquals(log.body(), 200, log.statusCode());
        assertTrue("the refused call is in the audit log: " + log.body(), log.body().contains("denied"));
        assertTrue("the account creation is in the audit log: " + log.body(),
                log.body().contains("POST /accounts"));
        // under the type its revisions have, so an entry leads to the account's revision history
        String accountEntries = admin.get("/api/v1/audit-log?objectType=account&limit=200").body();
        assertTrue(accountEntries, accountEntries.contains("POST /accounts"));
    }

    /** The Karaf shell over SSH takes Garrison accounts, and what each may run follows their role. */
    private static void theShellSignsInWithGarrisonAccounts(ServerProcess server, Api admin, String password)
            throws Exception {
        SshShell.Result listed = SshShell.run(server.sshPort(), "admin", password, "garrison:account-list");
        assertTrue("the admin signs in to the shell", listed.signedIn());
        assertTrue(listed.output(), listed.output().contains("grace"));
        assertFalse("a wrong password is refused",
                SshShell.run(server.sshPort(), "admin", "not-the-password-at-all", "garrison:account-list").signedIn());
        SshShell.Result created = SshShell.run(server.sshPort(), "admin", password,
                "garrison:account-create --generate-password --role Operator ursula");
        assertTrue("the admin creates accounts from the shell: " + created.output(),
                admin.get("/api/v1/accounts?limit=1000").body().contains("ursula"));
        SshShell.Result refused = SshShell.run(server.sshPort(), "grace", GRACE_PASSWORD,
                "garrison:account-create --generate-password mallory");
        assertTrue("the auditor signs in to the shell", refused.signedIn());
        assertFalse("an auditor cannot create accounts from the shell: " + refused.output(),
                admin.get("/api/v1/accounts?limit=1000").body().contains("mallory"));
        SshShell.run(server.sshPort(), "admin", password, "garrison:account-disable grace");
        assertFalse("a disabled account cannot sign in",
                SshShell.run(server.sshPort(), "grace", GRACE_PASSWORD, "garrison:account-list").signedIn());
        SshShell.run(server.sshPort(), "admin", password, "garrison:account-enable grace");
        assertTrue("an enabled account signs in again",
                SshShell.run(server.sshPort(), "grace", GRACE_PASSWORD, "garrison:account-list").signedIn());
    }

    private static void signingOutEndsTheSession(Api api, String password) throws Exception {
        String cookie = api.sessionCookie();
        assertEquals(204, api.delete("/api/v1/session").statusCode());
        Api stale = api.anonymousClient();
        HttpResponse<String> after = stale.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(api.base() + "/api/v1/devices"))
                .header("Cookie", "GARRISON_SESSION=" + cookie).GET());
        assertEquals("a signed-out session no longer works", 401, after.statusCode());
        assertEquals(201, api.signIn("admin", password).statusCode());
    }

    /**
     * Repeated wrong passwords from a remote address slow that account down (429 with Retry-After), while the admin
     * on the server's own machine can still sign in.
     */
    private static void repeatedFailuresAreSlowedDown(ServerProcess server, String adminPassword) throws Exception {
        String remote = nonLoopbackAddress().orElseThrow(
                () -> new AssertionError("this test needs a non-loopback IPv4 address on the machine"));
        Api attacker = server.httpsApi(remote);
        int status = 0;
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 8 && status != 429; attempt++) {
            last = attacker.signIn("admin", "guessing-" + attempt + "-wrong");
            status = last.statusCode();
        }
        assertEquals("repeated failures must be slowed down: " + (last == null ? "" : last.body()), 429, status);
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertEquals("even the right password waits during the back-off", 429,
                attacker.signIn("admin", adminPassword).statusCode());
        assertEquals("the admin on the server's machine is never locked out", 201,
                server.httpsApi().signIn("admin", adminPassword).statusCode());
    }

    private static Optional<String> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the stopped server's Derby files byte by byte, then its account tables with plain JDBC: names and e-mail
     * addresses appear in neither, while a group's name (not personal data) is found, so the search itself works.
     */
    private static void personalDataIsNotReadableInTheDatabaseFiles(Path home) throws Exception {
        Path database = home.resolve("data/garrison-db");
        assertTrue("the plain search must find what is stored in plain text",
                filesContain(database, PLAIN_GROUP));
        assertFalse("the e-mail address is readable in the database files", filesContain(database, EMAIL));
        assertFalse("the full name is readable in the database files", filesContain(database, FULL_NAME));

        List<String> cells = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:derby:" + database)) {
            for (String table : accountTables(connection)) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            String value = rows.getString(column);
                            if (value != null) {
                                cells.add(value);
                            }
                        }
                    }
                }
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a completed shutdown as an exception
            }
        }
        assertTrue("no account table rows were found", cells.size() > 10);
        assertFalse(cells.stream().anyMatch(cell -> cell.contains(EMAIL) || cell.contains(FULL_NAME)
                || cell.equalsIgnoreCase("grace")));
        assertTrue("personal fields are stored as ciphertext", cells.stream().anyMatch(c -> c.startsWith("g1:")));
    }

    private static List<String> accountTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "ACCOUNT%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
            }
        }
        assertFalse("no account tables found", tables.isEmpty());
        return tables;
    }

    private static boolean filesContain(Path directory, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
