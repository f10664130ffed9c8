package org.garrison.http.internal.security;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.regex.Pattern;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

/**
 * Reads what a JAX-RS resource method answers to: its HTTP method and its path template, as the audit log records
 * them and the OpenAPI document lists them.
 */
public final class ResourceMethods {

    private static final Pattern REGEX_PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^/]*\\}");

    private ResourceMethods() {
    }

    /** The path template below the API's base, e.g. {@code /devices/{id}}; a parameter's regex is left out. */
    public static String template(Class<?> resourceClass, Method method) {
        StringBuilder path = new StringBuilder();
        Path ofClass = resourceClass == null ? null : resourceClass.getAnnotation(Path.class);
        if (ofClass == null) {
            ofClass = method.getDeclaringClass().getAnnotation(Path.class);
        }
        append(path, ofClass == null ? "" : ofClass.value());
        Path ofMethod = method.getAnnotation(Path.class);
        append(path, ofMethod == null ? "" : ofMethod.value());
        return path.length() == 0 ? "/" : REGEX_PARAMETER.matcher(path).replaceAll("{$1}");
    }

    /** The HTTP method the resource method answers, e.g. {@code GET}; {@code null} for a sub-resource locator. */
    public static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static void append(StringBuilder path, String segment) {
        for (String part : segment.split("/")) {
            if (!part.isEmpty()) {
                path.append('/').append(part);
            }
        }
    }
}
