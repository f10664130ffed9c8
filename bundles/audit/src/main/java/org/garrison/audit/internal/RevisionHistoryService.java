package org.garrison.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.audit.Revision;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records every state of management objects with its JSON Patch against the previous one, and restores through the
 * {@link ObjectRestorer} registered for an object's type. Also registered under its own class, so the audit
 * bundle's resources can list recent revisions across objects and find restorers.
 */
@Component(service = {RevisionHistory.class, RevisionHistoryService.class})
public class RevisionHistoryService implements RevisionHistory {

    /** The action of a revision made by restoring. */
    static final String RESTORED = "restored";

    private final Transactions transactions;
    private final RevisionRepository repository = new RevisionRepository();
    private final Restorers restorers = new Restorers();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;

    @Activate
    public RevisionHistoryService(@Reference Transactions transactions,
            @Reference(target = "(garrison.schema=audit)") MigratedSchema schema) {
        this(transactions, Clock.systemUTC());
    }

    RevisionHistoryService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Reference(service = ObjectRestorer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addRestorer(ComponentServiceObjects<ObjectRestorer> restorer) {
        restorers.add(restorer);
    }

    void removeRestorer(ComponentServiceObjects<ObjectRestorer> restorer) {
        restorers.remove(restorer);
    }

    @Override
    public Revision record(ObjectRef object, String action, String snapshot, Actor actor) {
        JsonNode state = parseObject(snapshot);
        return transactions.inTransaction(connection -> {
            Optional<RevisionRepository.Latest> latest = repository.latest(connection, object);
            JsonNode previous = latest.map(l -> parseObject(l.snapshot())).orElseGet(mapper::createObjectNode);
            Revision revision = new Revision(Ids.newId(), object, latest.map(l -> l.number() + 1).orElse(1),
                    now(), actor, action, write(state), write(JsonDiff.diff(previous, state)));
            repository.insert(connection, revision);
            return revision;
        });
    }

    @Override
    public Page<Revision> revisions(ObjectRef object, PageRequest page) {
        return transactions.inTransaction(connection -> repository.ofObject(connection, object, page));
    }

    /** Revisions of every object, or of one type ({@code null} for all), newest first. */
    public Page<Revision> recent(String objectType, PageRequest page) {
        return transactions.inTransaction(connection -> repository.recent(connection, objectType, page));
    }

    @Override
    public Revision revision(UUID revisionId) {
        return transactions.inTransaction(connection -> repository.get(connection, revisionId))
                .orElseThrow(() -> new NotFoundException("Revision", revisionId));
    }

    @Override
    public Revision restore(UUID revisionId, Actor actor) {
        return transactions.inTransaction(connection -> {
            Revision revision = repository.get(connection, revisionId)
                    .orElseThrow(() -> new NotFoundException("Revision", revisionId));
            String state = restorers.with(revision.object().type(),
                    restorer -> restorer.restoreRevision(revision.object(), revision.snapshot(), actor));
            return record(revision.object(), RESTORED, state, actor);
        });
    }

    /** The installed restorers, which the deleted-objects registry restores through too. */
    Restorers restorers() {
        return restorers;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: an instant read back must equal the one handed out in a cursor
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private JsonNode parseObject(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a snapshot must be a JSON object: " + json);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a snapshot must be a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
