package org.garrison.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * A plain HTTP client for the server's REST API, as any third-party tool would use it.
 */
final class Api {

    private final HttpClient client;
    private final String base;

    Api(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    Api(String base, javax.net.ssl.SSLContext ssl) {
        this.base = base;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(ssl).build();
    }

    static Api local() {
        return new Api("http://127.0.0.1:" + System.getProperty(GarrisonContainer.HTTP_PORT));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a GET of the path answers the status, failing after the timeout. */
    HttpResponse<String> awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(path);
                if (last.statusCode() == status) {
                    return last;
                }
            } catch (IllegalStateException notYetListening) {
                // the connector is not open yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout + "; last: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }
}
