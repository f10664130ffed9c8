package org.garrison.http.internal;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.garrison.api.store.StoreException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for failures no other mapper claims: a server-side fault. The caller gets a problem report with
 * an incident id and no internals; the log gets the stack trace under the same id.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.ALL)
@JaxrsName("garrison-unexpected-errors")
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, incident {}", incident, exception);
        if (isDatabaseUnavailable(exception)) {
            return Problems.response(503, "Service unavailable",
                    "The database is not reachable; try again later (incident " + incident + ")");
        }
        return Problems.response(500, "Internal server error",
                "The server failed to handle the request (incident " + incident + ")");
    }

    private static boolean isDatabaseUnavailable(Throwable exception) {
        return exception instanceof StoreException store && store.sqlState() != null
                && store.sqlState().startsWith("08");
    }
}
