package org.garrison.plugins.endpointprotection.internal.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.plugins.endpointprotection.internal.EndpointProtection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads the data the application sends: each report is checked against the schema of its kind (the same files the
 * descriptor declares, {@code GARRISON-INF/schemas/data/}), then turned into its record. The schema is the contract
 * with the application; what passes it is safe to store.
 */
public final class ReportReader {

    private static final Map<String, String> SCHEMA_FILES = Map.of(
            EndpointProtection.KIND_THREATS, "threats.json",
            EndpointProtection.KIND_QUARANTINE, "quarantine.json",
            EndpointProtection.KIND_SCAN_STATUS, "scan-status.json",
            EndpointProtection.KIND_LICENCE, "licence.json");

    private final JsonSchemaValidator validator;
    private final Map<String, String> schemas = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ReportReader(JsonSchemaValidator validator) {
        this.validator = validator;
        SCHEMA_FILES.forEach((kind, file) -> schemas.put(kind, resource("GARRISON-INF/schemas/data/" + file)));
    }

    public ThreatsReport threats(Map<String, Object> data) {
        return read(EndpointProtection.KIND_THREATS, data, ThreatsReport.class);
    }

    public QuarantineReport quarantine(Map<String, Object> data) {
        return read(EndpointProtection.KIND_QUARANTINE, data, QuarantineReport.class);
    }

    public ScanStatus scanStatus(Map<String, Object> data) {
        ScanStatus status = read(EndpointProtection.KIND_SCAN_STATUS, data, ScanStatus.class);
        // the devices area refuses an application with two components of one name: keep the first
        Set<String> names = new HashSet<>();
        List<ComponentStatus> components = new ArrayList<>();
        for (ComponentStatus component : status.components()) {
            if (names.add(component.name())) {
                components.add(component);
            }
        }
        return new ScanStatus(status.realTimeProtection(), status.lastFullScan(), status.lastQuickScan(),
                status.databasesReleasedAt(), components);
    }

    public LicenceReport licence(Map<String, Object> data) {
        return read(EndpointProtection.KIND_LICENCE, data, LicenceReport.class);
    }

    private <T> T read(String kind, Map<String, Object> data, Class<T> type) {
        List<FieldError> errors = validator.validate(schemas.get(kind), data);
        if (!errors.isEmpty()) {
            throw new InvalidReportException(kind, errors);
        }
        try {
            return json.convertValue(data, type);
        } catch (IllegalArgumentException e) {
            // the schema let through something the record cannot hold (e.g. a number beyond a long)
            throw new InvalidReportException(kind, List.of(new FieldError("", e.getMessage())));
        }
    }

    private static String resource(String path) {
        try (InputStream in = ReportReader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
