package org.garrison.console.internal;

import java.util.Locale;

/** The two request headers the console's file answers depend on: {@code Accept-Encoding} and {@code If-None-Match}. */
final class HttpNegotiation {

    private HttpNegotiation() {
    }

    /** Whether {@code Accept-Encoding} lists gzip with a quality above zero. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parameters = coding.split(";");
            if (parameters[0].trim().toLowerCase(Locale.ROOT).equals("gzip")) {
                return quality(parameters) > 0;
            }
        }
        return false;
    }

    /**
     * Whether {@code If-None-Match} names {@code etag}, compared weakly as RFC 9110 requires for this header, so the
     * client's copy is still current and a 304 answers it.
     */
    static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
