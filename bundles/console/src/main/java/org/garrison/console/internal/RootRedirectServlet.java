package org.garrison.console.internal;

import java.io.IOException;
import java.util.Objects;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Sends a browser that opens the server's bare address to the console.
 *
 * <p>The servlet specification has no pattern for the root alone: {@code ""} would be it, but pax-web 8 normalises an
 * empty pattern to {@code "/"}, the default servlet's pattern, which receives every request that no other pattern
 * matches. So this servlet redirects only {@code /} itself and answers 404 for everything else it receives; longer
 * patterns ({@code /console/*}, {@code /api/v1/*}) and any {@code /*} pattern always take precedence over it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("garrison-root-redirect")
public final class RootRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SecurityHeaders.applyTo(response);
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        if (path.isEmpty() || path.equals("/")) {
            PlainAnswers.redirect(response, request.getContextPath() + "/console/");
        } else {
            PlainAnswers.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
        }
    }
}
