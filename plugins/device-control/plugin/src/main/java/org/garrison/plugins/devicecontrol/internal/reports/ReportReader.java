package org.garrison.plugins.devicecontrol.internal.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.garrison.api.error.FieldError;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.plugins.devicecontrol.internal.DeviceControl;

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
            DeviceControl.KIND_CONNECTED_DEVICES, "connected-devices.json",
            DeviceControl.KIND_ACCESS_LOG, "access-log.json");

    private final JsonSchemaValidator validator;
    private final Map<String, String> schemas = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ReportReader(JsonSchemaValidator validator) {
        this.validator = validator;
        SCHEMA_FILES.forEach((kind, file) -> schemas.put(kind, resource("GARRISON-INF/schemas/data/" + file)));
    }

    /** The snapshot, a device listed twice counting once (its last entry, as if sent one after the other). */
    public ConnectedDevices connectedDevices(Map<String, Object> data) {
        ConnectedDevices report = read(DeviceControl.KIND_CONNECTED_DEVICES, data, ConnectedDevices.class);
        Map<String, ExternalDevice> devices = new LinkedHashMap<>();
        report.devices().forEach(d -> devices.put(d.instanceId(), d));
        return new ConnectedDevices(report.mode(), report.policyHash(), new ArrayList<>(devices.values()));
    }

    public AccessLog accessLog(Map<String, Object> data) {
        return read(DeviceControl.KIND_ACCESS_LOG, data, AccessLog.class);
    }

    private <T> T read(String kind, Map<String, Object> data, Class<T> type) {
        List<FieldError> errors = validator.validate(schemas.get(kind), data);
        if (!errors.isEmpty()) {
            throw new InvalidReportException(kind, errors);
        }
        try {
            return json.convertValue(data, type);
        } catch (IllegalArgumentException e) {
            // the schema let through something the record cannot hold (e.g. a time beyond what Instant holds)
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
