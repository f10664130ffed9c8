package org.garrison.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeClientTest {

    @TempDir
    Path temp;

    @Test
    void applicationDataGoesOutAsTheProtocolSaysWithTheSecret() throws Exception {
        Path secret = Files.writeString(temp.resolve("bridge.secret"), "s3cret\n");
        try (FakeHttp bridge = new FakeHttp(request -> FakeHttp.Answer.json(202, ""))) {
            new BridgeClient(bridge.base(), secret).postApplicationData("hello-app", "greetings",
                    Instant.parse("2026-11-26T12:00:00Z"), Map.of("count", 3));

            FakeHttp.Request post = bridge.requests().get(0);
            assertEquals("POST", post.method());
            assertEquals("/bridge/v1/application-data", post.path());
            assertEquals("Bearer s3cret", post.headers().getFirst("Authorization"));
            assertEquals("{\"application\":\"hello-app\",\"kind\":\"greetings\",\"reportedAt\":"
                    + "\"2026-11-26T12:00:00Z\",\"data\":{\"count\":3}}", post.body());
        }
    }

    @Test
    void aSecretTheAgentReplacedIsReadAgainOnAnswer401() throws Exception {
        Path secret = Files.writeString(temp.resolve("bridge.secret"), "old");
        try (FakeHttp bridge = new FakeHttp(request -> FakeHttp.Answer.json(
                "Bearer new".equals(request.headers().getFirst("Authorization")) ? 200 : 401, "[]"))) {
            BridgeClient client = new BridgeClient(bridge.base(), secret);
            assertEquals(401, client.send("GET", "/bridge/v1/instructions?application=hello-app", null).status());
            Files.writeString(secret, "new");

            assertEquals(0, client.instructions("hello-app").size());
            assertEquals(List.of("Bearer old", "Bearer old", "Bearer old", "Bearer new"), bridge.requests().stream()
                    .map(r -> r.headers().getFirst("Authorization")).toList());
        }
    }

    @Test
    void aRefusalCarriesTheBridgesAnswer() throws Exception {
        Path secret = Files.writeString(temp.resolve("bridge.secret"), "s");
        try (FakeHttp bridge = new FakeHttp(request -> new FakeHttp.Answer(400, "application/problem+json",
                "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"source must be the application\"}",
                List.of()))) {
            BridgeException refused = assertThrows(BridgeException.class,
                    () -> new BridgeClient(bridge.base(), secret).postEvents(List.of(Map.of("type", "x"))));

            assertEquals(400, refused.answer().status());
            assertTrue(refused.getMessage().contains("source must be the application"), refused.getMessage());
        }
    }
}
