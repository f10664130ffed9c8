package org.garrison.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import javax.servlet.ServletException;
import org.junit.jupiter.api.Test;

class RootRedirectServletTest {

    private final RootRedirectServlet servlet = new RootRedirectServlet();

    @Test
    void theServerRootLeadsToTheConsole() throws Exception {
        FakeHttp.Answer answer = get("/");

        assertEquals(302, answer.status);
        assertEquals("/console/", answer.header("Location"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
    }

    @Test
    void otherUnmatchedPathsAreNotFound() throws Exception {
        FakeHttp.Answer answer = get("/favicon.ico");

        assertEquals(404, answer.status);
        assertEquals("DENY", answer.header("X-Frame-Options"));
    }

    private FakeHttp.Answer get(String servletPath) throws ServletException, IOException {
        FakeHttp.Answer answer = new FakeHttp.Answer();
        servlet.service(FakeHttp.get(servletPath, null, Map.of()), answer.response());
        return answer;
    }
}
