package org.garrison.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP server on the loopback interface that records every request and answers what the test says: stands
 * in for the Garrison server or the agent's bridge where a test checks what the kit sends.
 */
final class FakeHttp implements AutoCloseable {

    /** A request as the server saw it. */
    record Request(String method, String path, Headers headers, String body) {
    }

    /** An answer to send. */
    record Answer(int status, String contentType, String body, List<String> cookies) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, List.of());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeHttp(Function<Request, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), exchange.getRequestHeaders(), body);
            requests.add(request);
            Answer answer = answers.apply(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            answer.cookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
