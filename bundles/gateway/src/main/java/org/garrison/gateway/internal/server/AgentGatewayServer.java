package org.garrison.gateway.internal.server;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.garrison.gateway.internal.AgentDirectory;
import org.garrison.gateway.internal.Enrollment;
import org.garrison.gateway.internal.GatewayCredentials;
import org.garrison.gateway.internal.instructions.WakeChannel;
import org.garrison.gateway.internal.sync.SyncService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent gateway's own HTTPS port (13000 by default), separate from the console's: TLS 1.2/1.3 with the
 * gateway's certificate from the server's authority, client certificates wanted (enrollment works without one) and
 * trusted only when issued by that authority. Its own Jetty rather than a second pax-web connector, because pax-web's
 * client-certificate setting applies to every connector.
 */
@Component(immediate = true, service = {}, configurationPid = GatewayConfig.PID)
@Designate(ocd = GatewayConfig.class)
public class AgentGatewayServer {

    /** Threads serving requests at most; waiting syncs and wake channels hold none. */
    static final int MAX_THREADS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(AgentGatewayServer.class);

    private final GatewayCredentials credentials;
    private final AgentRequestHandler handler;
    private GatewaySettings settings;
    private Server server;

    @Activate
    public AgentGatewayServer(@Reference GatewayCredentials credentials, @Reference AgentDirectory directory,
            @Reference Enrollment enrollment, @Reference SyncService syncs, @Reference WakeChannel wake,
            GatewayConfig config) {
        this(credentials, directory, enrollment, syncs, wake, GatewaySettings.of(config));
    }

    AgentGatewayServer(GatewayCredentials credentials, AgentDirectory directory, Enrollment enrollment,
            SyncService syncs, WakeChannel wake, GatewaySettings settings) {
        this.credentials = credentials;
        this.settings = settings;
        this.handler = new AgentRequestHandler(directory, enrollment, syncs, wake, settings);
        start();
    }

    @Modified
    synchronized void modified(GatewayConfig config) {
        GatewaySettings changed = GatewaySettings.of(config);
        boolean restart = changed.needsRestartFrom(settings);
        settings = changed;
        handler.update(changed);
        if (restart) {
            stop();
            start();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    /** The port actually listened on (differs from the configured one only when that is 0), or -1 when closed. */
    synchronized int localPort() {
        return server == null ? -1 : ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private synchronized void start() {
        if (!settings.enabled()) {
            LOG.info("The agent gateway is disabled (enabled=false in {}.cfg): agents cannot enroll or sync",
                    GatewayConfig.PID);
            return;
        }
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
        threads.setName("garrison-gateway-http");
        Server created = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSecureScheme("https");
        http.setSecurePort(settings.port());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // agents connect by address as often as by name; the pinned authority, not the host name, is what they trust
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(created, new SslConnectionFactory(tls(), "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // a wake channel stays silent for up to its timeout; the connection must outlive it
        connector.setIdleTimeout((settings.wakeTimeoutSeconds() + 60) * 1000L);
        created.addConnector(connector);
        created.setHandler(handler);
        created.setStopTimeout(5000);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jetty looks some of its parts up through the context class loader; in OSGi that must be ours
        thread.setContextClassLoader(AgentGatewayServer.class.getClassLoader());
        try {
            created.start();
            server = created;
            LOG.info("Agent gateway listening on {}:{} (mutual TLS)", settings.host(), connector.getLocalPort());
        } catch (Exception e) {
            LOG.error("The agent gateway cannot listen on {}:{}: {}", settings.host(), settings.port(),
                    e.getMessage(), e);
            stopQuietly(created);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private SslContextFactory.Server tls() {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(credentials.serverKeyStore());
        String password = new String(credentials.serverKeyPassword());
        tls.setKeyStorePassword(password);
        tls.setKeyManagerPassword(password);
        tls.setCertAlias(GatewayCredentials.SERVER_KEY_ALIAS);
        tls.setTrustStore(trustStore());
        tls.setWantClientAuth(true);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        tls.setSniRequired(false);
        return tls;
    }

    private KeyStore trustStore() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("garrison-agent-ca", credentials.caCertificate());
            return trust;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the agent gateway's trust store", e);
        }
    }

    private void stop() {
        if (server != null) {
            stopQuietly(server);
            server = null;
        }
    }

    private static void stopQuietly(Server stopping) {
        try {
            stopping.stop();
        } catch (Exception e) {
            LOG.warn("The agent gateway did not stop cleanly", e);
        }
    }
}
