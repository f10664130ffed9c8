package org.garrison.gateway.internal.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ValidationException;
import org.garrison.api.event.Event;
import org.garrison.api.event.EventQuery;
import org.garrison.api.event.EventService;
import org.garrison.api.event.EventTypeDefinition;
import org.garrison.api.event.IngestResult;
import org.garrison.api.event.NewEvent;
import org.garrison.api.store.Transactions;

/**
 * The event store as the gateway uses it, over a table of the test database ({@code TEST_EVENT}) written in the
 * caller's transaction. Like the real one it refuses the whole list naming events by index ("[3].type") and skips
 * ids already stored; it refuses the type {@value #REFUSED_TYPE}.
 */
public final class TestEvents implements EventService {

    public static final String REFUSED_TYPE = "refused-by-store";

    private final Transactions transactions;

    public TestEvents(Transactions transactions) {
        this.transactions = transactions;
        transactions.runInTransaction(c -> {
            try (PreparedStatement create = c.prepareStatement("CREATE TABLE TEST_EVENT (ID CHAR(36) PRIMARY KEY, "
                    + "DEVICE_ID CHAR(36), TYPE VARCHAR(100))")) {
                create.execute();
            }
        });
    }

    public int count() {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM TEST_EVENT");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Override
    public IngestResult ingest(List<NewEvent> events) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (REFUSED_TYPE.equals(events.get(i).type())) {
                errors.add(new FieldError("[" + i + "].type", "is refused"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return transactions.inTransaction(c -> {
            int stored = 0;
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM TEST_EVENT WHERE ID = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO TEST_EVENT VALUES (?, ?, ?)")) {
                for (NewEvent event : events) {
                    ids.add(event.id());
                    exists.setString(1, event.id().toString());
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            continue;
                        }
                    }
                    insert.setString(1, event.id().toString());
                    insert.setString(2, event.deviceId() == null ? null : event.deviceId().toString());
                    insert.setString(3, event.type());
                    insert.executeUpdate();
                    stored++;
                }
            }
            return new IngestResult(stored, events.size() - stored, ids);
        });
    }

    @Override
    public Event get(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Event> query(EventQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long export(EventQuery query, Consumer<Event> consumer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<EventTypeDefinition> eventTypes() {
        return List.of();
    }
}
