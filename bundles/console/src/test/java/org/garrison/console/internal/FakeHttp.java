package org.garrison.console.internal;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Just enough of a servlet container to run the console's servlets in a unit test: one GET, one recorded answer. */
final class FakeHttp {

    private FakeHttp() {
    }

    static HttpServletRequest get(String servletPath, String pathInfo, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getContextPath" -> "";
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> null;
                    case "getHeader" -> byName.get((String) args[0]);
                    default -> throw new UnsupportedOperationException("FakeHttp request: " + method.getName());
                });
    }

    /** What a servlet answered. */
    static final class Answer {
        int status = HttpServletResponse.SC_OK;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentType" -> headers.put("Content-Type", ((String) args[0]).toLowerCase(Locale.ROOT));
                            case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                            case "getOutputStream" -> {
                                return out;
                            }
                            default -> throw new UnsupportedOperationException("FakeHttp response: " + method.getName());
                        }
                        return null;
                    });
        }
    }
}
