package org.garrison.bench.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline: a trivial Jetty 9.4 handler behind the same TLS set-up as the gateway (TLS 1.2/1.3, client
 * certificate wanted, a trust store holding one CA, the same thread pool size), answering every POST with a fixed
 * sync answer. Whatever the gateway does beyond this is what the benchmark's ratio measures.
 */
final class BaselineServer implements AutoCloseable {

    private static final byte[] ANSWER = ("{\"deviceId\":\"00000000-0000-0000-0000-000000000000\","
            + "\"storedThrough\":0,\"notices\":[],\"instructions\":[],\"fullInventory\":false,\"nextSyncIn\":300,"
            + "\"renewCertificate\":false,\"serverTime\":\"2026-11-26T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

    private final Server server;

    BaselineServer(BenchAuthority authority) throws Exception {
        server = new Server(new QueuedThreadPool(200, 8, 60_000));
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer(false));
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(authority.server());
        tls.setKeyStorePassword(new String(BenchAuthority.PASSWORD));
        tls.setKeyManagerPassword(new String(BenchAuthority.PASSWORD));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", authority.ca());
        tls.setTrustStore(trust);
        tls.setWantClientAuth(true);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        tls.setSniRequired(false);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                request.getInputStream().readAllBytes();
                response.setStatus(200);
                response.setContentType("application/json");
                response.setContentLength(ANSWER.length);
                response.getOutputStream().write(ANSWER);
                base.setHandled(true);
            }
        });
        server.start();
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
