package org.garrison.http.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.garrison.api.error.GarrisonException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Turns domain exceptions (not found, conflict, invalid input) into problem reports.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.ALL)
@JaxrsName("garrison-domain-errors")
public class DomainExceptionMapper implements ExceptionMapper<GarrisonException> {

    @Override
    public Response toResponse(GarrisonException exception) {
        return Problems.of(exception);
    }
}
