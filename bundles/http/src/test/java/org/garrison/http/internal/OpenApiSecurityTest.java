package org.garrison.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.garrison.api.security.PublicEndpoint;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.SignedIn;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.models.OpenAPI;

class OpenApiSecurityTest {

    @Path("widgets")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Widgets {

        @GET
        @Operation(operationId = "listWidgets")
        @RequiresPermission("widgets.read")
        public List<String> list() {
            return List.of();
        }

        @DELETE
        @Path("{id}")
        @Operation(operationId = "deleteWidget")
        @RequiresPermission(value = "widgets.write", scopeFrom = "path:id", objectKind = "widget")
        public void delete(@PathParam("id") String id) {
        }

        @GET
        @Path("ping")
        @Operation(operationId = "pingWidgets")
        @PublicEndpoint
        public String ping() {
            return "pong";
        }

        @POST
        @Path("all")
        @Operation(operationId = "rebuildAll")
        @RequiresPermission(value = "widgets.write", everywhere = true)
        public void rebuildAll() {
        }

        @POST
        @Path("mine")
        @Operation(operationId = "mine")
        @SignedIn
        public void mine() {
        }

        @GET
        @Path("forgotten")
        @Operation(operationId = "forgotten")
        public String forgotten() {
            return "";
        }
    }

    @Test
    void everyOperationSaysHowItIsProtected() throws Exception {
        JsonNode document = document();
        JsonNode list = document.at("/paths/~1widgets/get");
        assertEquals("widgets.read", list.get(OpenApiSecurity.PERMISSION).asText());
        assertNull(list.get(OpenApiSecurity.SCOPE));
        assertNotNull(list.at("/responses/401").get("content"));
        assertNotNull(list.at("/responses/403"));

        JsonNode delete = document.at("/paths/~1widgets~1{id}/delete");
        assertEquals("widgets.write", delete.get(OpenApiSecurity.PERMISSION).asText());
        assertEquals("widget", delete.at("/" + OpenApiSecurity.SCOPE + "/objectKind").asText());
        assertEquals("path:id", delete.at("/" + OpenApiSecurity.SCOPE + "/from").asText());

        assertEquals(true, document.at("/paths/~1widgets~1all/post/" + OpenApiSecurity.SCOPE + "/everywhere")
                .asBoolean());
        assertEquals("signed-in", document.at("/paths/~1widgets~1mine/post/" + OpenApiSecurity.PERMISSION).asText());
        assertEquals("undeclared",
                document.at("/paths/~1widgets~1forgotten/get/" + OpenApiSecurity.PERMISSION).asText());
    }

    @Test
    void publicOperationsNeedNoCredentials() throws Exception {
        JsonNode ping = document().at("/paths/~1widgets~1ping/get");
        assertEquals("public", ping.get(OpenApiSecurity.PERMISSION).asText());
        assertTrue(ping.get("security").isArray() && ping.get("security").isEmpty(), ping.toString());
        assertTrue(ping.at("/responses/401").isMissingNode());
    }

    @Test
    void theDocumentOffersASessionCookieOrABearerToken() throws Exception {
        JsonNode document = document();
        assertEquals("cookie", document.at("/components/securitySchemes/sessionCookie/in").asText());
        assertEquals("GARRISON_SESSION", document.at("/components/securitySchemes/sessionCookie/name").asText());
        assertEquals("bearer", document.at("/components/securitySchemes/bearerToken/scheme").asText());
        assertEquals(2, document.get("security").size());
        assertTrue(document.at("/components/schemas/Problem/properties/code").isObject());
    }

    private static JsonNode document() throws Exception {
        OpenAPI api = OpenApiDocument.build("test", new LinkedHashSet<>(Set.of(Widgets.class)));
        String json = Json.pretty(api);
        return new ObjectMapper().readTree(json);
    }

    @Test
    void anEmptyDocumentStillOffersTheSchemes() throws Exception {
        OpenAPI api = OpenApiDocument.build("test", Set.of());
        assertEquals(Map.of(), api.getPaths() == null ? Map.of() : api.getPaths());
        assertNotNull(api.getComponents().getSecuritySchemes().get(OpenApiSecurity.BEARER_SCHEME));
    }
}
