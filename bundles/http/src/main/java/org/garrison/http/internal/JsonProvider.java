package org.garrison.http.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.garrison.http.internal.security.SecurityFilter;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Reads and writes JSON (including {@code application/problem+json}) for every resource of the API, core and
 * plugin alike. Resources declare {@code @JSONRequired} so they wait for it; it waits in turn for the security filter,
 * so no JSON resource is ever served unprotected (e.g. while the server starts).
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.ALL)
@JaxrsName("garrison-json")
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsExtensionSelect("(osgi.jaxrs.name=" + SecurityFilter.NAME + ")")
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(JsonMapper.create());
    }
}
