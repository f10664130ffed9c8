package org.garrison.gateway.internal.enrollment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.ca.CertificateAuthority;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Enrollment tokens: created by admins, shown once, used up by enrolling agents, revoked for good.
 */
@Component(service = EnrollmentTokens.class, configurationPid = EnrollmentConfig.PID)
public class EnrollmentTokens {

    /** The longest token name. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The most enrollments one token may allow. */
    public static final int MAX_USES = 100_000;

    private final Transactions transactions;
    private final GroupService groups;
    private final CertificateAuthority authority;
    private final Clock clock;
    private final EnrollmentTokenRepository repository = new EnrollmentTokenRepository();
    private final SecureRandom random = new SecureRandom();
    private volatile EnrollmentPolicy policy;

    /**
     * What an admin asks for; everything but the name may be left out.
     *
     * @param name            what the token is for (1–100 characters)
     * @param groupId         where the devices go; default "Unassigned devices"
     * @param requireApproval whether enrolled agents wait for approval; default false
     * @param maxUses         how many enrollments it allows (1–100,000); default 1
     * @param expiresAt       when it stops working; default the configured validity from now
     */
    public record NewEnrollmentToken(String name, UUID groupId, Boolean requireApproval, Integer maxUses,
            Instant expiresAt) {
    }

    /**
     * A token just created, with the text to give to agents: the only time it is known.
     */
    public record IssuedEnrollmentToken(EnrollmentToken token, String text) {

        @Override
        public String toString() {
            return "IssuedEnrollmentToken[" + token.id() + "]";
        }
    }

    @Activate
    public EnrollmentTokens(@Reference Transactions transactions, @Reference GroupService groups,
            @Reference CertificateAuthority authority, EnrollmentConfig config) {
        this(transactions, groups, authority, Clock.systemUTC(), EnrollmentPolicy.of(config));
    }

    EnrollmentTokens(Transactions transactions, GroupService groups, CertificateAuthority authority, Clock clock,
            EnrollmentPolicy policy) {
        this.transactions = transactions;
        this.groups = groups;
        this.authority = authority;
        this.clock = clock;
        this.policy = policy;
    }

    @Modified
    void modified(EnrollmentConfig config) {
        policy = EnrollmentPolicy.of(config);
    }

    /**
     * @throws ValidationException naming every field at fault, including a group that does not exist
     */
    public IssuedEnrollmentToken create(NewEnrollmentToken request, Actor actor) {
        if (request == null) {
            throw new ValidationException("", "a body with at least a name is required");
        }
        Instant now = now();
        EnrollmentPolicy current = policy;
        List<FieldError> errors = new ArrayList<>();
        String name = name(request.name(), errors);
        UUID groupId = request.groupId() == null ? AdministrationGroup.UNASSIGNED_DEVICES : request.groupId();
        int maxUses = request.maxUses() == null ? 1 : request.maxUses();
        if (maxUses < 1 || maxUses > MAX_USES) {
            errors.add(new FieldError("maxUses", "must be between 1 and " + MAX_USES));
        }
        Instant expiresAt = request.expiresAt() == null ? now.plus(current.tokenDefaultValidity())
                : request.expiresAt().truncatedTo(ChronoUnit.MILLIS);
        if (!expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        } else if (expiresAt.isAfter(now.plus(current.tokenMaxValidity()))) {
            errors.add(new FieldError("expiresAt", "must be at most " + current.tokenMaxValidity().toDays()
                    + " days ahead"));
        }
        if (!groupExists(groupId)) {
            errors.add(new FieldError("groupId", "names no administration group"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TokenText text = TokenText.create(random, authority.pin());
        EnrollmentToken token = new EnrollmentToken(Ids.newId(), name, groupId,
                Boolean.TRUE.equals(request.requireApproval()), maxUses, 0, expiresAt, now, actor, null);
        transactions.runInTransaction(connection -> repository.insert(connection, token, text.secretHash()));
        return new IssuedEnrollmentToken(token, text.text());
    }

    /**
     * Tokens, newest first.
     *
     * @param activeOnly only those agents may still enroll with
     */
    public Page<EnrollmentToken> list(boolean activeOnly, PageRequest page) {
        ListPosition after = ListPosition.of(page.cursor());
        Instant now = now();
        return transactions.inTransaction(connection -> {
            List<EnrollmentToken> rows = repository.list(connection, activeOnly, now, after, page.limit());
            long total = repository.count(connection, activeOnly, now);
            boolean more = rows.size() > page.limit();
            List<EnrollmentToken> items = more ? rows.subList(0, page.limit()) : rows;
            EnrollmentToken last = items.isEmpty() ? null : items.get(items.size() - 1);
            return new Page<>(items, more ? new ListPosition(last.createdAt(), last.id()).cursor().encode() : null,
                    total);
        });
    }

    /**
     * @throws NotFoundException if there is no such token
     */
    public EnrollmentToken get(UUID id) {
        return transactions.inTransaction(connection -> repository.byId(connection, id))
                .orElseThrow(() -> new NotFoundException("Enrollment token", id));
    }

    /**
     * Revokes the token for good (revoking a revoked token changes nothing). Agents already enrolled with it stay.
     *
     * @throws NotFoundException if there is no such token
     */
    public EnrollmentToken revoke(UUID id) {
        Instant now = now();
        return transactions.inTransaction(connection -> {
            repository.revoke(connection, id, now);
            return repository.byId(connection, id).orElseThrow(() -> new NotFoundException("Enrollment token", id));
        });
    }

    /** The current time, to the millisecond (what the database keeps). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private boolean groupExists(UUID groupId) {
        try {
            groups.get(groupId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String name(String raw, List<FieldError> errors) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        return name;
    }
}
