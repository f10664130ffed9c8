package org.garrison.gateway.internal.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.agent.AgentState;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.AgentDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The admins' side of enrolled agents: listing them, approving or rejecting those that wait, and revoking them. A
 * rejected or revoked agent loses every certificate it holds at once (on this server node; within seconds on others)
 * and must enroll again with a new token.
 */
@Component(service = AgentRegistry.class)
public class AgentRegistry {

    /** The longest revocation reason, as the certificates table keeps it. */
    public static final int MAX_REASON_LENGTH = CertificateRepository.MAX_REASON_LENGTH;
    /** The longest text searched for. */
    public static final int MAX_QUERY_LENGTH = 200;
    static final String REJECTED = "rejected";
    static final String REVOKED = "revoked";

    private final Transactions transactions;
    private final AgentDirectory directory;
    private final Clock clock;
    private final AgentRepository agents = new AgentRepository();
    private final CertificateRepository certificates = new CertificateRepository();

    @Activate
    public AgentRegistry(@Reference Transactions transactions, @Reference AgentDirectory directory) {
        this(transactions, directory, Clock.systemUTC());
    }

    AgentRegistry(Transactions transactions, AgentDirectory directory, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Agents, last enrolled first.
     *
     * @param state  only agents in this state, or {@code null}
     * @param prefix only agents whose host name or hardware id starts with this (case-insensitive), or {@code null}
     */
    public Page<Agent> list(AgentState state, String prefix, PageRequest page) {
        ListPosition after = ListPosition.of(page.cursor());
        String text = prefix == null || prefix.isBlank() ? null : prefix.strip();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw new ValidationException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return transactions.inTransaction(connection -> {
            List<Agent> rows = agents.list(connection, state, text, after, page.limit());
            long total = agents.count(connection, state, text);
            boolean more = rows.size() > page.limit();
            List<Agent> items = more ? rows.subList(0, page.limit()) : rows;
            Agent last = items.isEmpty() ? null : items.get(items.size() - 1);
            return new Page<>(items, more ? new ListPosition(last.enrolledAt(), last.id()).cursor().encode() : null,
                    total);
        });
    }

    /**
     * @throws NotFoundException if there is no such agent
     */
    public AgentDetails get(UUID id) {
        return transactions.inTransaction(connection -> new AgentDetails(
                agents.byId(connection, id).orElseThrow(() -> notFound(id)), certificates.ofAgent(connection, id)));
    }

    /**
     * Lets an agent awaiting approval sync.
     *
     * @throws NotFoundException if there is no such agent
     * @throws ConflictException if it is not awaiting approval
     */
    public AgentDetails approve(UUID id, Actor actor) {
        return decide(id, List.of(AgentState.PENDING_APPROVAL), AgentState.ACTIVE, null, actor);
    }

    /**
     * Refuses an agent awaiting approval and revokes its certificates.
     *
     * @throws NotFoundException if there is no such agent
     * @throws ConflictException if it is not awaiting approval
     */
    public AgentDetails reject(UUID id, Actor actor) {
        return decide(id, List.of(AgentState.PENDING_APPROVAL), AgentState.REJECTED, REJECTED, actor);
    }

    /**
     * Revokes every certificate of an agent; it must enroll again with a new token.
     *
     * @param reason why, for the certificates' record (at most 100 characters), or {@code null}
     * @throws NotFoundException if there is no such agent
     * @throws ConflictException if it is already revoked or rejected
     * @throws ValidationException if the reason is too long
     */
    public AgentDetails revoke(UUID id, String reason, Actor actor) {
        String why = reason == null || reason.isBlank() ? REVOKED : reason.strip();
        if (why.length() > MAX_REASON_LENGTH) {
            throw new ValidationException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (why.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("reason", "must not contain control characters");
        }
        return decide(id, List.of(AgentState.PENDING_APPROVAL, AgentState.ACTIVE), AgentState.REVOKED, why, actor);
    }

    /**
     * Moves the agent from one of the expected states to the new one; with a revocation reason, its certificates
     * are revoked in the same transaction.
     */
    private AgentDetails decide(UUID id, List<AgentState> from, AgentState to, String revocationReason,
            Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transactions.inTransaction(connection -> {
            if (!agents.decide(connection, id, from, to, now, actor.name())) {
                Agent agent = agents.byId(connection, id).orElseThrow(() -> notFound(id));
                throw new ConflictException("Agent " + id + " is " + agent.state() + "; only an agent that is "
                        + String.join(" or ", from.stream().map(AgentState::name).toList()) + " can become " + to);
            }
            if (revocationReason != null) {
                certificates.revokeAll(connection, id, now, revocationReason);
            }
            transactions.afterCompletion(() -> directory.forget(id));
            return new AgentDetails(agents.byId(connection, id).orElseThrow(() -> notFound(id)),
                    certificates.ofAgent(connection, id));
        });
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("Agent", id);
    }
}
