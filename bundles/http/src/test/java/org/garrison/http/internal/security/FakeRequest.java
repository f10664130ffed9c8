package org.garrison.http.internal.security;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/** Just enough of a JAX-RS request (and its answer) for the filters: method, headers, cookies, parameters. */
final class FakeRequest {

    final String method;
    final String path;
    final Map<String, String> headers = new HashMap<>();
    final Map<String, Cookie> cookies = new HashMap<>();
    final MultivaluedMap<String, String> pathParameters = new MultivaluedHashMap<>();
    final MultivaluedMap<String, String> queryParameters = new MultivaluedHashMap<>();
    final Map<String, Object> properties = new HashMap<>();
    SecurityContext security;
    Response aborted;
    /** The base path of the JAX-RS application the request is in. */
    String base = "/api/v1/";

    FakeRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    FakeRequest header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    FakeRequest cookie(String name, String value) {
        cookies.put(name, new Cookie(name, value));
        return this;
    }

    /** Puts the request into a plugin's JAX-RS application, at {@code /api/v1/plugins/<id>/resources/}. */
    FakeRequest inPluginApplication(String pluginId) {
        base = "/api/v1/plugins/" + pluginId + "/resources/";
        return this;
    }

    FakeRequest pathParameter(String name, String value) {
        pathParameters.putSingle(name, value);
        return this;
    }

    ContainerRequestContext context() {
        UriInfo uri = proxy(UriInfo.class, (m, args) -> switch (m.getName()) {
            case "getPathParameters" -> pathParameters;
            case "getQueryParameters" -> queryParameters;
            case "getRequestUri" -> URI.create("http://127.0.0.1:8181" + base + path);
            case "getBaseUri" -> URI.create("http://127.0.0.1:8181" + base);
            case "getPath" -> path;
            default -> throw new UnsupportedOperationException(m.getName());
        });
        return proxy(ContainerRequestContext.class, (m, args) -> switch (m.getName()) {
            case "getMethod" -> method;
            case "getHeaderString" -> headers.get(((String) args[0]).toLowerCase());
            case "getCookies" -> cookies;
            case "getUriInfo" -> uri;
            case "getProperty" -> properties.get(args[0]);
            case "setProperty" -> properties.put((String) args[0], args[1]);
            case "getSecurityContext" -> security;
            case "setSecurityContext" -> security = (SecurityContext) args[0];
            case "abortWith" -> aborted = (Response) args[0];
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    static ContainerResponseContext answer(int status, URI location) {
        return proxy(ContainerResponseContext.class, (m, args) -> switch (m.getName()) {
            case "getStatus" -> status;
            case "getLocation" -> location;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    static ResourceInfo resource(Class<?> type, String methodName) {
        Method target;
        try {
            target = type.getMethod(methodName);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(e);
        }
        return proxy(ResourceInfo.class, (m, args) -> switch (m.getName()) {
            case "getResourceMethod" -> target;
            case "getResourceClass" -> type;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    interface Handler {
        Object invoke(Method method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> m.getDeclaringClass() == Object.class ? m.invoke(handler, args)
                        : handler.invoke(m, args));
    }
}
