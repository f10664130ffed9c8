package org.garrison.agent.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.garrison.agent.outbox.OutboxEntry;
import org.garrison.api.agent.SyncItemKind;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the body of {@code POST /agent/v1/sync} from outbox entries. Their members are spliced in as the JSON they
 * were stored as, not read and written again: a sync of a thousand items costs no object mapping.
 */
final class SyncRequestWriter {

    private final ObjectMapper json;

    SyncRequestWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param policies  the hash of each policy the agent holds, by application
     * @param policyTag the tag of the last policy update, or {@code null}
     */
    byte[] write(List<OutboxEntry> batch, String agentVersion, Map<String, String> policies, String policyTag) {
        int estimate = 64;
        for (OutboxEntry entry : batch) {
            estimate += entry.json().length + 64;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate);
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("agentVersion", agentVersion);
            if (policyTag != null) {
                generator.writeStringField("policyTag", policyTag);
            }
            if (!policies.isEmpty()) {
                generator.writeObjectFieldStart("policies");
                for (Map.Entry<String, String> held : policies.entrySet()) {
                    generator.writeStringField(held.getKey(), held.getValue());
                }
                generator.writeEndObject();
            }
            generator.writeArrayFieldStart("items");
            for (OutboxEntry entry : batch) {
                generator.writeStartObject();
                generator.writeNumberField("seq", entry.seq());
                generator.writeStringField("kind", entry.kind().name());
                generator.writeFieldName(member(entry.kind()));
                generator.writeRawValue(new String(entry.json(), StandardCharsets.UTF_8));
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a sync request to memory failed", e);
        }
        return out.toByteArray();
    }

    static String member(SyncItemKind kind) {
        return switch (kind) {
            case INVENTORY -> "inventory";
            case EVENTS -> "events";
            case APPLICATION_DATA -> "applicationData";
            case INSTRUCTION_RESULT -> "instructionResult";
        };
    }
}
