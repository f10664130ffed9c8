package org.garrison.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.garrison.agent.json.AgentJson;
import org.garrison.agent.testing.TestGateway;
import org.garrison.agent.testing.TestMachine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class CliTest {

    @TempDir
    Path folder;

    private TestGateway gateway;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        gateway = new TestGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        Cli cli = new Cli(() -> new TestMachine("hw-cli", "ws-cli"), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(List.of(args));
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private Path config(String... lines) throws IOException {
        Path file = folder.resolve("agent.properties");
        List<String> all = new ArrayList<>(List.of(lines));
        all.add("data.dir=" + data());
        Files.write(file, all);
        return file;
    }

    @Test
    void enrollThenStatusShowsTheAgentAsJson() throws Exception {
        assertEquals(0, run("enroll", "--server", gateway.address().toString(), "--token", gateway.token,
                "--data-dir", data()), err.toString());
        assertTrue(out.toString().contains("Enrolled with"));
        assertFalse(out.toString().contains(gateway.token), "the token is never printed");

        assertEquals(0, run("status", "--json", "--data-dir", data()), err.toString());
        JsonNode status = AgentJson.newMapper().readTree(out.toString());
        assertTrue(status.get("enrolled").asBoolean());
        assertEquals(gateway.agentsByHardware.get("hw-cli").toString(), status.get("agentId").asText());
    }

    @Test
    void aTokenFileAndTheServerFromTheConfigurationWork() throws Exception {
        Path token = folder.resolve("token");
        Files.writeString(token, gateway.token + "\n");
        Path config = config("server.url=" + gateway.address());
        assertEquals(0, run("enroll", "--config", config.toString(), "--token-file", token.toString()),
                err.toString());
        assertEquals(0, run("status", "--config", config.toString()));
    }

    @Test
    void statusOfAFolderWithoutAgentSaysNotEnrolled() {
        assertEquals(ExitCodes.NOT_ENROLLED, run("status", "--data-dir", data()));
        assertTrue(out.toString().contains("Not enrolled"));
        assertEquals(ExitCodes.NOT_ENROLLED, run("run", "--data-dir", data()));
    }

    @Test
    void eachFailureHasItsExitCodeAndMessage() throws Exception {
        String server = gateway.address().toString();
        assertEquals(ExitCodes.USAGE, run("enroll", "--server", server, "--token", "nonsense", "--data-dir", data()));
        assertTrue(err.toString().contains("malformed"));

        String wrongPin = gateway.token.substring(0, gateway.token.lastIndexOf('.') + 1) + "B".repeat(43);
        assertEquals(ExitCodes.NOT_TRUSTED, run("enroll", "--server", server, "--token", wrongPin, "--data-dir",
                data()));
        assertTrue(err.toString().contains("pin"), err.toString());

        String unknown = "ge1." + "u".repeat(43) + "." + gateway.pin();
        assertEquals(ExitCodes.REFUSED, run("enroll", "--server", server, "--token", unknown, "--data-dir", data()));
        assertTrue(err.toString().contains("token-refused"), err.toString());
        assertFalse(err.toString().contains("u".repeat(43)), "the secret is not repeated");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(ExitCodes.UNREACHABLE, run("enroll", "--server", "https://127.0.0.1:" + closedPort, "--token",
                gateway.token, "--data-dir", data()));

        assertEquals(ExitCodes.USAGE, run("enroll", "--server", "http://127.0.0.1:1", "--token", gateway.token));
        assertEquals(ExitCodes.USAGE, run("status", "--bogus"));
        assertEquals(ExitCodes.USAGE, run("frobnicate"));
        assertEquals(ExitCodes.USAGE, run("status", "--config", config("colour=blue").toString()));
        assertEquals(ExitCodes.USAGE, run("status", "--config", folder.resolve("missing.properties").toString()));
    }
}
