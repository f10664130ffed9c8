package org.garrison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.garrison.api.store.SchemaRegistry;
import org.garrison.api.store.SchemaState;
import org.garrison.api.store.SchemaStatus;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Boots the built distribution and checks the foundation over real HTTP: health on Derby, migrations, the error
 * contract of the REST API, the OpenAPI document and the console.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServerIT {

    private static final String ECHO = "/api/v1/itest-echo";
    private static final String JSON = "application/json";

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    private SchemaRegistry schemas;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=garrison)", timeout = 120_000)
    private DataSource dataSource;

    private final Api api = Api.local();
    private ServiceRegistration<EchoResource> echo;

    @Configuration
    public Option[] config() {
        return GarrisonContainer.options();
    }

    @Before
    public void serverIsUp() throws InterruptedException {
        ContainerStartup.awaitApi(api, context);
    }

    @After
    public void removeEchoResource() throws InterruptedException {
        if (echo != null) {
            echo.unregister();
            awaitEcho(404);
        }
    }

    @Test
    public void healthIsUpOnEmbeddedDerby() {
        HttpResponse<String> health = api.get("/api/v1/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith(JSON));
        String body = health.body();
        assertTrue(body, body.contains("\"status\":\"UP\""));
        assertTrue(body, body.contains("\"kind\":\"derby\""));
        assertTrue(body, body.contains("\"state\":\"UP\""));
        assertTrue(body, body.contains("\"version\":\"" + System.getProperty("garrison.version", "")));
        assertTrue(body, body.matches(".*\"serverId\":\"[0-9a-f-]{36}\".*"));
    }

    @Test
    public void theStoreSchemaIsMigratedWithItsOwnHistoryTable() throws Exception {
        SchemaStatus store = schemas.schemas().stream().filter(s -> s.name().equals("store")).findFirst()
                .orElseThrow(() -> new AssertionError("no store schema in " + schemas.schemas()));
        assertEquals(SchemaState.READY, store.state());
        assertEquals("org.garrison.store", store.bundle());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM GSSTORELOG")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 1);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SERVER_INSTANCE")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    public void anUnknownPathIsAProblemReport() {
        HttpResponse<String> response = api.get("/api/v1/no-such-thing");
        assertProblem(response, 404);
    }

    @Test
    public void aWrongMethodIsAProblemReportNamingTheAllowedOnes() {
        HttpResponse<String> response = api.post("/api/v1/health", JSON, "{}");
        assertProblem(response, 405);
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"));
    }

    @Test
    public void aJsonResourceEchoesAValidBody() throws InterruptedException {
        registerEcho();
        HttpResponse<String> response = api.post(ECHO, JSON,
                "{\"name\":\"laptop-17\",\"count\":3,\"at\":\"2026-11-26T10:00:00Z\"}");
        assertEquals(response.body(), 200, response.statusCode());
        assertTrue(response.body(), response.body().contains("\"at\":\"2026-11-26T10:00:00Z\""));
    }

    @Test
    public void badBodiesAreRefusedWithClearProblemReports() throws InterruptedException {
        registerEcho();
        assertProblem(api.post(ECHO, JSON, "{\"name\":\"x\",\"count\":"), 400, "not valid JSON");
        assertProblem(api.post(ECHO, JSON, "{\"name\":\"x\",\"count\":\"many\"}"), 400, "count");
        assertProblem(api.post(ECHO, JSON, "{\"name\":\"x\",\"count\":1,\"colour\":\"red\"}"), 400,
                "Unknown field 'colour'");
        assertProblem(api.post(ECHO, JSON, "[1,2,3]"), 400, "expected shape");
        assertProblem(api.post(ECHO, JSON, "{\"name\":\"x\",\"count\":1,\"at\":\"yesterday\"}"), 400, "Field 'at'");
        assertProblem(api.post(ECHO, JSON, "{\"name\":\"x\",\"count\":1} {}"), 400, null);
        assertProblem(api.post(ECHO, JSON, "[".repeat(5000)), 400, null);
        assertProblem(api.post(ECHO, "text/plain", "hello"), 415);
    }

    @Test
    public void aDomainValidationErrorNamesTheField() throws InterruptedException {
        registerEcho();
        HttpResponse<String> response = api.post(ECHO, JSON, "{\"name\":\"x\",\"count\":-1}");
        assertProblem(response, 422, "must not be negative");
        assertTrue(response.body(), response.body().contains("\"field\":\"count\""));
    }

    @Test
    public void oversizeBodiesAreRefusedWhetherAnnouncedOrStreamed() throws InterruptedException {
        registerEcho();
        byte[] huge = ("{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\",\"count\":1}").getBytes();
        assertProblem(api.send(HttpRequest.newBuilder(URI.create(base() + ECHO)).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))), 413);
        assertProblem(api.send(HttpRequest.newBuilder(URI.create(base() + ECHO)).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))), 413);
    }

    @Test
    public void theOpenApiDocumentFollowsTheRegisteredResources() throws InterruptedException {
        String before = api.get("/api/v1/openapi.json").body();
        assertTrue(before.contains("\"/health\""));
        assertTrue(before.contains("\"Problem\""));
        assertFalse(before.contains("/itest-echo"));
        registerEcho();
        assertTrue(api.get("/api/v1/openapi.json").body().contains("\"/itest-echo\""));
        echo.unregister();
        echo = null;
        assertFalse(api.get("/api/v1/openapi.json").body().contains("/itest-echo"));
    }

    @Test
    public void theConsoleIsServedWithItsSinglePageFallback() {
        HttpResponse<String> index = api.get("/console/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body(), index.body().contains("Garrison"));
        HttpResponse<String> deepLink = api.get("/console/devices/some-device");
        assertEquals(200, deepLink.statusCode());
        assertEquals(index.body(), deepLink.body());
        assertEquals(404, api.get("/console/no-such-file.js").statusCode());
    }

    private void registerEcho() throws InterruptedException {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jaxrs.resource", Boolean.TRUE);
        properties.put("osgi.jaxrs.extension.select", "(osgi.jaxrs.media.type=application/json)");
        echo = context.registerService(EchoResource.class, new EchoResource(), properties);
        awaitEcho(200);
    }

    /**
     * The whiteboard redeploys its application asynchronously after a resource comes or goes, so one answer can still
     * come from the previous deployment: wait until several answers in a row agree.
     */
    private void awaitEcho(int status) throws InterruptedException {
        int agreeing = 0;
        for (int i = 0; i < 120 && agreeing < 5; i++) {
            agreeing = api.post(ECHO, JSON, "{\"name\":\"probe\",\"count\":0}").statusCode() == status ? agreeing + 1 : 0;
            Thread.sleep(100);
        }
        if (agreeing < 5) {
            throw new AssertionError("the echo resource never settled at status " + status);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + System.getProperty(GarrisonContainer.HTTP_PORT);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertProblem(response, status, null);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body(), response.body().contains("\"status\":" + status));
        if (detailPart != null) {
            assertTrue(response.body(), response.body().contains(detailPart));
        }
    }
}
