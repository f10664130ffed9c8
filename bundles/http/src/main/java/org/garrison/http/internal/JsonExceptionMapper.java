package org.garrison.http.internal;

import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.garrison.api.error.GarrisonException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers a request body that is not acceptable JSON — malformed, of the wrong shape, or with values of the wrong
 * type — with a 400 that names the offending field, instead of letting the parser's failure become a 500.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.ALL)
@JaxrsName("garrison-json-errors")
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        // Jackson wraps what the body stream or a record's constructor threw: answer for the real reason
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException refused) {
                return Problems.of(refused);
            }
            if (cause instanceof GarrisonException refused) {
                return Problems.of(refused);
            }
        }
        return Problems.response(400, "Malformed request body", describe(exception));
    }

    static String describe(JsonProcessingException exception) {
        if (exception instanceof StreamConstraintsException) {
            return "The JSON document is too large or too deeply nested";
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown) + "'";
        }
        if (exception instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' has an invalid value for type " + typeName(invalid.getTargetType());
        }
        if (exception instanceof MismatchedInputException mismatched) {
            String path = path(mismatched);
            if (!path.isEmpty() && String.valueOf(mismatched.getOriginalMessage()).startsWith("Cannot map `null`")) {
                return "Field '" + path + "' is required";
            }
            return path.isEmpty()
                    ? "The request body does not have the expected shape (expected " + typeName(mismatched.getTargetType()) + ")"
                    : "Field '" + path + "' must be of type " + typeName(mismatched.getTargetType());
        }
        if (exception instanceof JsonMappingException mapping) {
            String path = path(mapping);
            return path.isEmpty() ? "The request body could not be read as expected"
                    : "Field '" + path + "' could not be read";
        }
        return "The request body is not valid JSON" + location(exception);
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("/"));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class || type.isEnum() || type == java.util.UUID.class) {
            return "string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date-time string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String location(JsonProcessingException exception) {
        return exception.getLocation() == null ? ""
                : " (line " + exception.getLocation().getLineNr() + ", column "
                        + exception.getLocation().getColumnNr() + ")";
    }
}
