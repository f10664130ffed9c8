package org.garrison.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.garrison.api.error.ValidationException;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Per-account console settings, stored as one JSON document with a schema version.
 */
@Component(service = ConsoleSettingsService.class)
public class ConsoleSettingsService {

    static final int SCHEMA_VERSION = 1;
    private static final String VERSION_FIELD = "schemaVersion";

    private final Transactions transactions;
    private final Clock clock;
    private final ConsoleRepository repository = new ConsoleRepository();
    private final ObjectMapper mapper = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Activate
    public ConsoleSettingsService(@Reference Transactions transactions,
            @Reference(target = "(garrison.schema=accounts)") MigratedSchema schema) {
        this(transactions, Clock.systemUTC());
    }

    ConsoleSettingsService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The account's settings, defaults for whatever was never stored. */
    public ConsoleSettings get(UUID accountId) {
        return transactions.inTransaction(connection -> repository.settings(connection, accountId))
                .map(this::read).orElseGet(ConsoleSettings::defaults).withDefaults();
    }

    /**
     * Replaces the account's settings.
     *
     * @throws ValidationException if a field is invalid or the document is larger than 64 KiB
     */
    public ConsoleSettings put(UUID accountId, ConsoleSettings settings) {
        if (settings == null) {
            throw new ValidationException("", "a settings document is required");
        }
        settings.validate();
        ObjectNode document = mapper.valueToTree(settings);
        document.put(VERSION_FIELD, SCHEMA_VERSION);
        String json;
        try {
            json = mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new ValidationException("", "the settings cannot be stored as JSON");
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > ConsoleSettings.MAX_BYTES) {
            throw new ValidationException("", "the settings document must be at most "
                    + ConsoleSettings.MAX_BYTES / 1024 + " KiB");
        }
        transactions.runInTransaction(connection -> repository.saveSettings(connection, accountId, json,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return settings.withDefaults();
    }

    private ConsoleSettings read(String json) {
        try {
            ObjectNode document = (ObjectNode) mapper.readTree(json);
            document.remove(VERSION_FIELD);
            return mapper.treeToValue(document, ConsoleSettings.class);
        } catch (JsonProcessingException | ClassCastException e) {
            return ConsoleSettings.defaults();
        }
    }
}
