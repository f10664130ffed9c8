package org.garrison.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.Ids;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.ForbiddenException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Authenticator;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.sessions.internal.SessionRepository.StoredSession;
import org.garrison.sessions.internal.TokenRepository.StoredToken;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console sessions and personal API tokens, stored in the database so that they survive a restart and hold on every
 * node sharing it. Only hashes of session ids and token secrets are stored.
 *
 * <p>Resolved callers are kept for a few seconds ({@code callerCacheSeconds}) so that a burst of requests does not
 * read the account each time; signing out and revoking drop them at once on this node. Each resolution checks that
 * the account still exists and is enabled: a deleted account's sessions and tokens are removed when next used (and
 * by the periodic clean-up), a disabled account's stop working.
 */
@Component(service = {Authenticator.class, SessionAuthenticator.class}, configurationPid = SessionsConfig.PID)
@Designate(ocd = SessionsConfig.class)
public class SessionAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(SessionAuthenticator.class);
    /** A person has few tokens; the limit keeps a runaway script from filling the table. */
    static final int MAX_TOKENS_PER_ACCOUNT = 100;
    private static final int MAX_CACHED = 10_000;

    private final Transactions transactions;
    private final AccountService accounts;
    private final Clock clock;
    private final SessionRepository sessions = new SessionRepository();
    private final TokenRepository tokens = new TokenRepository();
    private final Secrets secrets = new Secrets();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile SessionPolicy policy;

    /** A session that is live now. */
    public record LiveSession(UUID id, Caller caller, String csrfToken, Instant createdAt, Instant lastSeenAt,
            Instant expiresAt, Instant idleExpiresAt) {

        @Override
        public String toString() {
            return "LiveSession[id=" + id + ", login=" + caller.login() + "]";
        }
    }

    /** A session just opened: the id goes into the cookie and nowhere else. */
    public record OpenedSession(String sessionId, String csrfToken, Instant expiresAt, Instant idleExpiresAt) {

        @Override
        public String toString() {
            return "OpenedSession[expiresAt=" + expiresAt + "]";
        }
    }

    /** A token just issued, with its secret, which is never available again. */
    public record IssuedToken(StoredToken token, String secret) {

        @Override
        public String toString() {
            return "IssuedToken[" + token + "]";
        }
    }

    private record Cached(LiveSession session, StoredToken token, Caller caller, Instant cachedAt) {
    }

    @Activate
    public SessionAuthenticator(@Reference Transactions transactions, @Reference AccountService accounts,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=sessions)") MigratedSchema schema,
            SessionsConfig config) {
        this(transactions, accounts, Clock.systemUTC(), SessionPolicy.of(config));
    }

    SessionAuthenticator(Transactions transactions, AccountService accounts, Clock clock, SessionPolicy policy) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.clock = clock;
        this.policy = policy;
    }

    @Modified
    void modified(SessionsConfig config) {
        policy = SessionPolicy.of(config);
        cache.clear();
    }

    SessionPolicy policy() {
        return policy;
    }

    // ---------------------------------------------------------------- sessions

    /** Opens a session for an account that has just proven who it is. */
    public OpenedSession open(Account account, String remoteAddress, String userAgent) {
        Instant now = now();
        String sessionId = secrets.newSecret();
        String csrf = secrets.newSecret();
        Instant expiresAt = now.plus(policy.absoluteTimeout());
        StoredSession session = new StoredSession(Ids.newId(), Secrets.hash(sessionId), account.id(), csrf, now, now,
                expiresAt, remoteAddress, userAgent);
        transactions.runInTransaction(connection -> sessions.insert(connection, session));
        return new OpenedSession(sessionId, csrf, expiresAt, idleExpiry(now, expiresAt, policy));
    }

    @Override
    public Optional<SessionCaller> session(String sessionCookie) {
        return live(sessionCookie).map(live -> new SessionCaller(live.caller(), live.csrfToken()));
    }

    /** The live session a cookie names, extending its idle timeout. */
    public Optional<LiveSession> live(String sessionCookie) {
        if (!Secrets.looksLikeSessionId(sessionCookie)) {
            return Optional.empty();
        }
        String hash = Secrets.hash(sessionCookie);
        Instant now = now();
        SessionPolicy limits = policy;
        Cached cached = fresh(hash, now);
        if (cached != null && (cached.session() == null || expired(cached.session(), now, limits))) {
            // another node may have kept the session alive since: only the stored state decides
            cache.remove(hash, cached);
            cached = null;
        }
        LiveSession live;
        if (cached != null) {
            live = cached.session();
        } else {
            Optional<StoredSession> stored = transactions.inTransaction(connection -> sessions.byHash(connection,
                    hash));
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            StoredSession session = stored.get();
            Optional<Account> account = usableAccount(session.accountId());
            if (account.isEmpty()) {
                return Optional.empty();
            }
            Caller caller = caller(new Actor(ActorKind.ACCOUNT, account.get().id().toString(), account.get().login()),
                    account.get(), AuthenticationMethod.SESSION, null);
            live = new LiveSession(session.id(), caller, session.csrfToken(), session.createdAt(),
                    session.lastSeenAt(), session.expiresAt(), idleExpiry(session.lastSeenAt(), session.expiresAt(),
                            limits));
        }
        if (expired(live, now, limits)) {
            transactions.runInTransaction(connection -> sessions.deleteByHash(connection, hash));
            cache.remove(hash);
            return Optional.empty();
        }
        if (!now.isBefore(live.lastSeenAt().plus(SessionPolicy.TOUCH_INTERVAL))) {
            UUID id = live.id();
            transactions.runInTransaction(connection -> sessions.touch(connection, id, now));
            live = new LiveSession(live.id(), live.caller(), live.csrfToken(), live.createdAt(), now,
                    live.expiresAt(), idleExpiry(now, live.expiresAt(), limits));
            remember(hash, new Cached(live, null, live.caller(), cached == null ? now : cached.cachedAt()));
        } else if (cached == null) {
            remember(hash, new Cached(live, null, live.caller(), now));
        }
        return Optional.of(live);
    }

    /** Ends the session a cookie names; returns whether there was one. */
    public boolean close(String sessionCookie) {
        if (!Secrets.looksLikeSessionId(sessionCookie)) {
            return false;
        }
        String hash = Secrets.hash(sessionCookie);
        cache.remove(hash);
        return transactions.inTransaction(connection -> sessions.deleteByHash(connection, hash));
    }

    @Override
    public int endSessions(UUID accountId, String keepSessionCookie) {
        String kept = Secrets.looksLikeSessionId(keepSessionCookie) ? Secrets.hash(keepSessionCookie) : "";
        int ended = transactions.inTransaction(connection -> sessions.deleteOfAccountExcept(connection, accountId,
                kept));
        forget(accountId);
        if (ended > 0) {
            LOG.info("Ended {} sessions of account {}", ended, accountId);
        }
        return ended;
    }

    /** Ends every session and revokes every token of an account, e.g. because it was deleted. */
    public void revokeAll(UUID accountId) {
        int[] removed = transactions.inTransaction(connection -> new int[] {
            sessions.deleteOfAccount(connection, accountId), tokens.deleteOfAccount(connection, accountId)});
        forget(accountId);
        if (removed[0] + removed[1] > 0) {
            LOG.info("Removed {} sessions and {} API tokens of account {}", removed[0], removed[1], accountId);
        }
    }

    private static boolean expired(LiveSession live, Instant now, SessionPolicy limits) {
        return !now.isBefore(live.expiresAt()) || !now.isBefore(live.lastSeenAt().plus(limits.idleTimeout()));
    }

    private static Instant idleExpiry(Instant lastSeen, Instant expiresAt, SessionPolicy limits) {
        Instant idle = lastSeen.plus(limits.idleTimeout());
        return idle.isBefore(expiresAt) ? idle : expiresAt;
    }

    // ---------------------------------------------------------------- tokens

    @Override
    public Optional<Caller> bearer(String token) {
        if (!Secrets.looksLikeToken(token)) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        Instant now = now();
        Cached cached = fresh(hash, now);
        StoredToken stored;
        Caller caller;
        if (cached != null && cached.token() == null) {
            cached = null;
        }
        if (cached != null) {
            stored = cached.token();
            caller = cached.caller();
        } else {
            Optional<StoredToken> found = transactions.inTransaction(connection -> tokens.byHash(connection, hash));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            stored = found.get();
            if (!now.isBefore(stored.expiresAt())) {
                return Optional.empty();
            }
            Optional<Account> account = usableAccount(stored.accountId());
            if (account.isEmpty()) {
                return Optional.empty();
            }
            caller = caller(new Actor(ActorKind.API_TOKEN, stored.id().toString(),
                    account.get().login() + "/" + stored.name()), account.get(), AuthenticationMethod.API_TOKEN,
                    stored.roleIds());
        }
        if (!now.isBefore(stored.expiresAt())) {
            cache.remove(hash);
            return Optional.empty();
        }
        if (stored.lastUsedAt() == null || !now.isBefore(stored.lastUsedAt().plus(SessionPolicy.TOUCH_INTERVAL))) {
            UUID id = stored.id();
            transactions.runInTransaction(connection -> tokens.touch(connection, id, now));
            stored = new StoredToken(stored.id(), stored.secretHash(), stored.accountId(), stored.name(),
                    stored.prefix(), stored.roleIds(), stored.createdAt(), stored.expiresAt(), now);
            remember(hash, new Cached(null, stored, caller, cached == null ? now : cached.cachedAt()));
        } else if (cached == null) {
            remember(hash, new Cached(null, stored, caller, now));
        }
        return Optional.of(caller);
    }

    /**
     * Issues a token to the caller's own account.
     *
     * @param expiresAt when it expires, or {@code null} for the default lifetime
     * @param roleIds   the subset of the account's roles it acts with, or {@code null} for all of them
     */
    public IssuedToken issue(Caller caller, String name, Instant expiresAt, Set<UUID> roleIds) {
        if (caller.method() == AuthenticationMethod.API_TOKEN) {
            throw new ForbiddenException("An API token cannot create API tokens; sign in to create one.");
        }
        Account account = accounts.get(caller.accountId());
        Instant now = now();
        SessionPolicy limits = policy;
        List<FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            errors.add(new FieldError("name", "is required, 1-100 characters"));
        } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        Instant expiry = expiresAt == null ? now.plus(limits.tokenDefaultLifetime())
                : expiresAt.truncatedTo(ChronoUnit.MILLIS);
        if (!expiry.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must lie in the future"));
        } else if (expiry.isAfter(now.plus(limits.tokenMaxLifetime()))) {
            errors.add(new FieldError("expiresAt", "must lie at most " + limits.tokenMaxLifetime().toDays()
                    + " days ahead"));
        }
        Set<UUID> granted = new LinkedHashSet<>();
        for (RoleGrant grant : account.grants()) {
            granted.add(grant.roleId());
        }
        Set<UUID> roles = roleIds == null ? granted : new LinkedHashSet<>(roleIds);
        if (roles.contains(null)) {
            errors.add(new FieldError("roleIds", "must not contain null"));
        } else if (!granted.containsAll(roles)) {
            Set<UUID> foreign = new HashSet<>(roles);
            foreign.removeAll(granted);
            errors.add(new FieldError("roleIds", "must be roles granted to the account; not granted: " + foreign));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String secret = secrets.newToken();
        StoredToken token = new StoredToken(Ids.newId(), Secrets.hash(secret), account.id(), trimmed,
                secret.substring(0, Secrets.VISIBLE_PREFIX_LENGTH), roles, now, expiry, null);
        transactions.runInTransaction(connection -> {
            if (tokens.countOfAccount(connection, account.id()) >= MAX_TOKENS_PER_ACCOUNT) {
                throw new ConflictException("An account can hold at most " + MAX_TOKENS_PER_ACCOUNT
                        + " API tokens; revoke some first.");
            }
            tokens.insert(connection, token);
        });
        return new IssuedToken(token, secret);
    }

    /** The account's tokens, newest first, without secrets. */
    public List<StoredToken> tokensOf(UUID accountId) {
        return transactions.inTransaction(connection -> tokens.ofAccount(connection, accountId));
    }

    public Optional<StoredToken> token(UUID id) {
        return transactions.inTransaction(connection -> tokens.byId(connection, id));
    }

    /** Revokes a token; returns whether it existed. */
    public boolean revoke(UUID tokenId) {
        boolean removed = transactions.inTransaction(connection -> tokens.delete(connection, tokenId));
        cache.values().removeIf(entry -> entry.token() != null && entry.token().id().equals(tokenId));
        return removed;
    }

    // ---------------------------------------------------------------- housekeeping

    /** Removes expired sessions, and the sessions and tokens of accounts that no longer exist. */
    void purge() {
        Instant now = now();
        SessionPolicy limits = policy;
        int expired = transactions.inTransaction(connection -> sessions.deleteExpired(connection, now,
                now.minus(limits.idleTimeout())));
        Set<UUID> owners = transactions.inTransaction(connection -> {
            Set<UUID> ids = new LinkedHashSet<>(sessions.accountIds(connection));
            ids.addAll(tokens.accountIds(connection));
            return ids;
        });
        for (UUID owner : owners) {
            if (!exists(owner)) {
                revokeAll(owner);
            }
        }
        if (expired > 0) {
            LOG.debug("Removed {} expired sessions", expired);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Caller caller(Actor actor, Account account, AuthenticationMethod method, Set<UUID> roleIds) {
        Map<String, GroupScope> permissions = accounts.permissions(account.id(), roleIds);
        Set<PendingStep> pending = accounts.pendingSteps(account.id());
        return new Caller(actor, account.id(), account.login(), method, permissions, pending);
    }

    /** The account when it exists and is enabled; removes the sessions and tokens of a deleted one. */
    private Optional<Account> usableAccount(UUID accountId) {
        Account account;
        try {
            account = accounts.get(accountId);
        } catch (NotFoundException gone) {
            revokeAll(accountId);
            return Optional.empty();
        }
        return account.enabled() ? Optional.of(account) : Optional.empty();
    }

    private boolean exists(UUID accountId) {
        try {
            accounts.get(accountId);
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    private Cached fresh(String hash, Instant now) {
        Cached cached = cache.get(hash);
        if (cached == null) {
            return null;
        }
        Duration age = Duration.between(cached.cachedAt(), now);
        if (age.isNegative() || age.compareTo(policy.callerCache()) >= 0) {
            cache.remove(hash, cached);
            return null;
        }
        return cached;
    }

    /**
     * Caches a caller, unless it still has steps to take: a caller who just changed their password or accepted the
     * terms must not be refused for the cache time, and such callers make few calls.
     */
    private void remember(String hash, Cached entry) {
        if (policy.callerCache().isZero() || !entry.caller().pendingSteps().isEmpty()) {
            return;
        }
        if (cache.size() >= MAX_CACHED) {
            Instant cutoff = now().minus(policy.callerCache());
            cache.values().removeIf(old -> old.cachedAt().isBefore(cutoff));
        }
        cache.put(hash, entry);
    }

    /** Drops every cached caller of an account on this node. */
    void forget(UUID accountId) {
        cache.values().removeIf(entry -> entry.caller().accountId().equals(accountId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
