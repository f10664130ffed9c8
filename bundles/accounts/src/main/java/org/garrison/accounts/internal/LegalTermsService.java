package org.garrison.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Versions of the legal terms and who accepted which. The newest published version is the current one; publishing
 * is recorded in the revision history (object type {@code legal-terms}), acceptances in their own table (and, as a
 * state-changing call, in the audit log).
 */
@Component(service = LegalTermsService.class)
public class LegalTermsService {

    private static final int MAX_VERSION = 64;
    private static final int MAX_TITLE = 255;
    private static final int MAX_TEXT = 200_000;

    private final Transactions transactions;
    private final RevisionHistory revisions;
    private final Clock clock;
    private final ConsoleRepository repository = new ConsoleRepository();
    private final Snapshots snapshots = new Snapshots();

    @Activate
    public LegalTermsService(@Reference Transactions transactions, @Reference RevisionHistory revisions,
            @Reference(target = "(garrison.schema=accounts)") MigratedSchema schema) {
        this(transactions, revisions, Clock.systemUTC());
    }

    LegalTermsService(Transactions transactions, RevisionHistory revisions, Clock clock) {
        this.transactions = transactions;
        this.revisions = revisions;
        this.clock = clock;
    }

    /** The current version, if any has been published. */
    public Optional<LegalTerms> current() {
        return transactions.inTransaction(repository::currentTerms);
    }

    /** When the account accepted the given version, if it did. */
    public Optional<Instant> acceptedAt(UUID accountId, UUID termsId) {
        return transactions.inTransaction(connection -> repository.acceptedAt(connection, accountId, termsId));
    }

    /** Whether some terms are published and the account has not accepted the current version. */
    boolean pendingFor(UUID accountId) {
        return transactions.inTransaction(connection -> {
            Optional<LegalTerms> current = repository.currentTerms(connection);
            return current.isPresent() && repository.acceptedAt(connection, accountId, current.get().id()).isEmpty();
        });
    }

    /**
     * Publishes a new version, which becomes current at once.
     *
     * @throws ValidationException if a field is missing or too long
     * @throws ConflictException   if the version has been published before
     */
    public LegalTerms publish(String version, String title, String text, Actor actor) {
        String validVersion = version == null ? "" : version.strip();
        String validTitle = title == null ? "" : title.strip();
        List<FieldError> errors = new ArrayList<>();
        if (validVersion.isEmpty() || validVersion.length() > MAX_VERSION
                || !validVersion.matches("[A-Za-z0-9._-]+")) {
            errors.add(new FieldError("version", "must be 1-" + MAX_VERSION + " letters, digits, dots, dashes or "
                    + "underscores"));
        }
        if (validTitle.isEmpty() || validTitle.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "must have 1-" + MAX_TITLE + " characters"));
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "must have 1-" + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return transactions.inTransaction(connection -> {
            if (repository.termsByVersion(connection, validVersion).isPresent()) {
                throw new ConflictException("Version " + validVersion + " of the legal terms has been published "
                        + "already; give the new text a new version");
            }
            LegalTerms terms = new LegalTerms(Ids.newId(), validVersion, validTitle, text, now(), actor.name());
            repository.insertTerms(connection, terms);
            revisions.record(new ObjectRef(Snapshots.LEGAL_TERMS, terms.id()), "published",
                    snapshots.terms(new Snapshots.TermsSnapshot(terms.id(), terms.version(), terms.title(),
                            terms.text(), terms.publishedAt().toString())), actor);
            return terms;
        });
    }

    /**
     * Records that the account accepts a version; accepting it again changes nothing.
     *
     * @throws NotFoundException if no such version was published
     * @throws ConflictException if it is not the current version
     */
    public Instant accept(UUID accountId, String version) {
        return transactions.inTransaction(connection -> {
            LegalTerms terms = repository.termsByVersion(connection, version)
                    .orElseThrow(() -> new NotFoundException("Legal terms version", version));
            LegalTerms current = repository.currentTerms(connection).orElseThrow();
            if (!current.id().equals(terms.id())) {
                throw new ConflictException("Version " + version + " is not the current version of the legal "
                        + "terms; accept version " + current.version());
            }
            Optional<Instant> earlier = repository.acceptedAt(connection, accountId, terms.id());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Instant at = now();
            repository.accept(connection, accountId, terms.id(), at);
            return at;
        });
    }

    /** Acceptances, newest first, optionally of one version only. */
    public List<TermsAcceptance> acceptances(String version) {
        return transactions.inTransaction(connection -> repository.acceptances(connection, version));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
