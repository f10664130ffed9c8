package org.garrison.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.garrison.api.error.ConflictException;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void domainExceptionsGetTheirStatus() {
        assertEquals(404, Problems.of(new org.garrison.api.error.NotFoundException("Device", "42")).getStatus());
        assertEquals(409, Problems.of(new ConflictException("name taken")).getStatus());
        Response invalid = Problems.of(new ValidationException("limit", "too big"));
        assertEquals(422, invalid.getStatus());
        assertEquals("limit", ((Problem) invalid.getEntity()).errors().get(0).field());
    }

    @Test
    void aNotFoundMessageNamesTheObject() {
        Problem problem = (Problem) Problems.of(new org.garrison.api.error.NotFoundException("Device", "42"))
                .getEntity();
        assertEquals("Device 42 does not exist", problem.detail());
        assertEquals("Not found", problem.title());
    }

    @Test
    void runtimeRefusalsKeepStatusAndHeaders() {
        Response response = Problems.of(new NotAllowedException(
                Response.status(405).header("Allow", "GET, HEAD").build()));
        assertEquals(405, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        String allow = response.getHeaderString("Allow");
        assertEquals(true, allow.contains("GET") && allow.contains("HEAD"), allow);
        assertEquals(404, Problems.of(new NotFoundException()).getStatus());
    }

    @Test
    void serverFaultsRevealNothing() {
        Response response = Problems.of(new javax.ws.rs.InternalServerErrorException("secret stack detail"));
        assertEquals(500, response.getStatus());
        assertEquals("The server failed to handle the request", ((Problem) response.getEntity()).detail());
    }
}
