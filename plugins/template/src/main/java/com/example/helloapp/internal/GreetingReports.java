package com.example.helloapp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;

/**
 * Turns the application's reports into {@link Greeting}s, checked against the kind's own schema with the server's
 * validator: the application on the device is a separate program, so what it sends is checked like any input.
 */
public final class GreetingReports {

    private final JsonSchemaValidator validator;
    private final String schema;

    public GreetingReports(JsonSchemaValidator validator) {
        this.validator = validator;
        try (InputStream in = GreetingReports.class.getClassLoader().getResourceAsStream(HelloApp.GREETINGS_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(HelloApp.GREETINGS_SCHEMA + " is missing from the plugin");
            }
            this.schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws InvalidReportException when the report is of another kind, has no time, or breaks the schema
     */
    public Greeting read(UUID deviceId, ApplicationData report) throws InvalidReportException {
        if (!HelloApp.KIND_GREETINGS.equals(report.kind())) {
            throw new InvalidReportException("unknown kind '" + report.kind() + "'");
        }
        if (report.reportedAt() == null) {
            throw new InvalidReportException("the report has no reportedAt");
        }
        List<FieldError> problems = validator.validate(schema, report.data());
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems.stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        return new Greeting(deviceId, (String) report.data().get("lastGreeting"),
                ((Number) report.data().get("count")).longValue(), report.reportedAt());
    }
}
