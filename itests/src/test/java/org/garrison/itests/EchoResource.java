package org.garrison.itests;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.garrison.api.error.ValidationException;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;

/**
 * A resource the tests register at runtime, the way any core or plugin bundle does, to check what every JSON
 * resource gets from the HTTP layer: body parsing, problem+json errors, limits, OpenAPI listing.
 */
@Path("itest-echo")
@RequiresPermission(Permissions.SERVER_WRITE)
public class EchoResource {

    /** A JSON body with a string, an integer and a timestamp. */
    public record Sample(String name, int count, java.time.Instant at) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Sample echo(Sample sample) {
        if (sample.count() < 0) {
            throw new ValidationException("count", "must not be negative");
        }
        return sample;
    }
}
