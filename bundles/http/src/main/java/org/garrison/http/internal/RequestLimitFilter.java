package org.garrison.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;

import org.garrison.api.plugin.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Refuses request bodies over the configured size with 413, whether the client announces the size
 * ({@code Content-Length}) or streams it ({@code chunked}): an oversize body is never buffered whole.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = HttpApiConfig.PID)
@Designate(ocd = HttpApiConfig.class)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.ALL)
@JaxrsName("garrison-request-limit")
@PreMatching
public class RequestLimitFilter implements ContainerRequestFilter {

    private static final String PLUGIN_UPLOAD = "plugins";

    /** Room for the multipart form's boundaries and part headers around an uploaded plugin JAR. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private volatile long maxBytes;

    @Activate
    public RequestLimitFilter(HttpApiConfig config) {
        modified(config);
    }

    @Modified
    void modified(HttpApiConfig config) {
        this.maxBytes = config.maxRequestBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitFor(request.getMethod(), request.getUriInfo().getPath(), maxBytes);
        int announced = request.getLength();
        if (announced > limit) {
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedInputStream(request.getEntityStream(), limit));
        }
    }

    /**
     * The limit of one request: the configured one, except for a plugin upload ({@code POST /plugins}), which may
     * carry a JAR as large as the plugin registry accepts, plus the multipart form around it. The registry checks
     * the JAR's own size.
     */
    static long limitFor(String method, String path, long configured) {
        String trimmed = path == null ? "" : path.replaceAll("^/+|/+$", "");
        if ("POST".equalsIgnoreCase(method) && PLUGIN_UPLOAD.equals(trimmed)) {
            return Math.max(configured, PluginRegistry.MAX_JAR_BYTES + MULTIPART_OVERHEAD);
        }
        return configured;
    }

    static WebApplicationException tooLarge(long limit) {
        return new WebApplicationException("The request body exceeds the limit of " + limit + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Fails as soon as more than the limit has been read. */
    static final class BoundedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
