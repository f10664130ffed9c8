package org.garrison.devices.internal;

import java.util.List;

import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.MovingRuleConditions;
import org.garrison.api.device.MovingRuleDraft;
import org.garrison.api.device.StatusReason;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON the devices area stores: status reasons, applications' status reports, and snapshots for the revision
 * history and the deleted-objects registry. Plain records of the published API, never Java serialisation.
 */
final class DeviceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private DeviceJson() {
    }

    /**
     * The admin fields of a device: what its revisions record.
     *
     * @param displayName the display name
     * @param description the description, or {@code null}
     * @param tags        the admin tags
     */
    record AdminFields(String displayName, String description, List<String> tags) {

        AdminFields {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        static AdminFields of(Device device) {
            return new AdminFields(device.displayName(), device.description(), device.tags().stream()
                    .filter(t -> DeviceTag.ADMIN.equals(t.source())).map(DeviceTag::name).toList());
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    static List<StatusReason> reasons(String json) {
        return json == null || json.isEmpty() ? List.of() : read(json, new TypeReference<List<StatusReason>>() { });
    }

    static List<ApplicationStatusReport> reports(String json) {
        return json == null || json.isEmpty() ? List.of()
                : read(json, new TypeReference<List<ApplicationStatusReport>>() { });
    }

    static AdminFields adminFields(String json) {
        return read(json, new TypeReference<AdminFields>() { });
    }

    static MovingRuleConditions conditions(String json) {
        return read(json, new TypeReference<MovingRuleConditions>() { });
    }

    static MovingRuleDraft draft(String json) {
        return read(json, new TypeReference<MovingRuleDraft>() { });
    }

    static Device device(String json) {
        return read(json, new TypeReference<Device>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored JSON: " + e.getOriginalMessage(), e);
        }
    }
}
