package org.garrison.sessions.internal.rest;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.SecurityContext;

/** The little of a servlet request and a security context the resources read. */
final class FakeRequests {

    private FakeRequests() {
    }

    static HttpServletRequest request(String remoteAddress, boolean secure, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remoteAddress;
                    case "isSecure" -> secure;
                    case "getScheme" -> secure ? "https" : "http";
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static SecurityContext security(Principal principal) {
        return (SecurityContext) Proxy.newProxyInstance(FakeRequests.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserPrincipal" -> principal;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
