package org.garrison.console.internal;

import java.util.Objects;

/**
 * Where a request below {@code /console/} leads, decided from its (already URL-decoded) path info alone.
 *
 * <p>A last segment with a dot names a file of the built app ({@code assets/index-3f2a.js}, {@code favicon.svg}); any
 * other path is a route of the single-page app ({@code /devices/42}), answered with {@code index.html} so that deep
 * links and reloads work. Paths that could leave the app's folder or smuggle encoded characters past this check are
 * invalid: dot segments, empty segments, backslashes, control characters and any leftover {@code %} (a double-encoded
 * {@code %252e%252e} arrives here as {@code %2e%2e}).
 */
record ConsolePath(Kind kind, String file) {

    enum Kind {
        /** A file of the app, {@link #file()} relative to the app's folder. */
        FILE,
        /** A client-side route: answer the app's {@code index.html}. */
        APP_ROUTE,
        /** A path the console refuses to look up. */
        INVALID
    }

    static final String INDEX = "index.html";

    ConsolePath {
        Objects.requireNonNull(kind, "kind");
    }

    static ConsolePath of(String pathInfo) {
        if (pathInfo == null || pathInfo.isEmpty() || pathInfo.equals("/")) {
            return appRoute();
        }
        if (!pathInfo.startsWith("/") || !hasOnlySafeCharacters(pathInfo)) {
            return invalid();
        }
        String relative = pathInfo.substring(1);
        boolean directory = relative.endsWith("/");
        String[] segments = (directory ? relative.substring(0, relative.length() - 1) : relative).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return invalid();
            }
        }
        if (!directory && segments[segments.length - 1].indexOf('.') >= 0) {
            return new ConsolePath(Kind.FILE, relative);
        }
        return appRoute();
    }

    private static boolean hasOnlySafeCharacters(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '%') {
                return false;
            }
        }
        return true;
    }

    private static ConsolePath appRoute() {
        return new ConsolePath(Kind.APP_ROUTE, INDEX);
    }

    private static ConsolePath invalid() {
        return new ConsolePath(Kind.INVALID, null);
    }
}
