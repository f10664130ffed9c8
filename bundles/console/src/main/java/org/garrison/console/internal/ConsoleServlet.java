package org.garrison.console.internal;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the web console, the single-page app built into this bundle's {@code static/} folder, at {@code /console/}.
 * Files answer with their content type, ETag and cache policy; every other console path is a client-side route and
 * answers {@code index.html}. Plugins register their own console pages on longer patterns
 * ({@code /console/plugins/<id>/*}), which take precedence over this one.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/console/*")
@HttpWhiteboardServletName("garrison-console")
public final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServlet.class);

    private final transient ConsoleFiles files;

    public ConsoleServlet() {
        this(new ConsoleFiles(ConsoleServlet.class.getClassLoader(), "static"));
    }

    ConsoleServlet(ConsoleFiles files) {
        this.files = files;
    }

    @Activate
    void activate() {
        if (files.find(ConsolePath.INDEX).isEmpty()) {
            LOG.warn("The console bundle contains no built app (static/index.html); it was probably built with "
                    + "-Dskip.npm. /console/ answers 404 until a complete build is installed.");
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SecurityHeaders.applyTo(response);
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() == null) {
            // "/console" without the slash: send the browser to the app's canonical address.
            String query = request.getQueryString();
            PlainAnswers.redirect(response, request.getContextPath() + "/console/" + (query == null ? "" : '?' + query));
            return;
        }
        ConsolePath path = ConsolePath.of(request.getPathInfo());
        switch (path.kind()) {
            case INVALID -> PlainAnswers.error(response, HttpServletResponse.SC_BAD_REQUEST, "Invalid console path");
            case FILE, APP_ROUTE -> {
                Optional<ConsoleFile> file = files.find(path.file());
                if (file.isPresent()) {
                    send(request, response, file.get());
                } else {
                    PlainAnswers.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
                }
            }
        }
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, ConsoleFile file)
            throws IOException {
        ConsoleFile.Representation representation =
                file.representationFor(HttpNegotiation.acceptsGzip(request.getHeader("Accept-Encoding")));
        response.setHeader("Cache-Control", file.cacheControl());
        response.setHeader("ETag", representation.etag());
        if (file.hasVariants()) {
            response.setHeader("Vary", "Accept-Encoding");
        }
        if (HttpNegotiation.noneMatchHits(request.getHeader("If-None-Match"), representation.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        if (representation.contentEncoding() != null) {
            response.setHeader("Content-Encoding", representation.contentEncoding());
        }
        response.setContentLength(representation.body().length);
        response.getOutputStream().write(representation.body());
    }
}
