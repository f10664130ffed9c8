package org.garrison.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.account.Account;
import org.garrison.api.account.AccountService;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.security.PendingStep;
import org.garrison.api.security.PersonalDataCipher;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a sign-in, for the REST API and the Karaf shell alike: the back-off first, then the password, then the
 * second factor. Counts failures, and records every attempt in the audit log (never with the password).
 */
@Component(service = SignInService.class, configurationPid = SessionsConfig.PID)
public class SignInService {

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    static final String REST_ACTION = "sign-in";
    static final String SHELL_ACTION = "shell-sign-in";

    private final AccountService accounts;
    private final SignInThrottle throttle;
    private final Clock clock;
    private volatile SessionPolicy policy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuditLog audit;

    /** What a sign-in attempt came to. */
    public sealed interface Result permits Success, Refused {
    }

    /** The account proved who it is. */
    public record Success(Account account) implements Result {
    }

    /**
     * The attempt was refused.
     *
     * @param status     401 (credentials), 403 (right credentials, but the shell is closed to the account) or 429
     *                   (back-off)
     * @param code       a stable machine-readable reason
     * @param detail     what to tell the person
     * @param retryAfter for 429, how long to wait
     */
    public record Refused(int status, String code, String detail, Duration retryAfter) implements Result {

        static Refused wrongCredentials() {
            return new Refused(401, "invalid-credentials", "Wrong login or password", null);
        }

        static Refused secondFactorRequired() {
            return new Refused(401, "second-factor-required", "A second-factor code is required", null);
        }

        static Refused wrongSecondFactor() {
            return new Refused(401, "second-factor-invalid", "The second-factor code is wrong", null);
        }
    }

    @Activate
    public SignInService(@Reference AccountService accounts, @Reference PersonalDataCipher cipher,
            @Reference Transactions transactions,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=sessions)") MigratedSchema schema,
            SessionsConfig config) {
        this(accounts, cipher, transactions, Clock.systemUTC(), SessionPolicy.of(config));
    }

    SignInService(AccountService accounts, PersonalDataCipher cipher, Transactions transactions, Clock clock,
            SessionPolicy policy) {
        this.accounts = accounts;
        this.clock = clock;
        this.policy = policy;
        this.throttle = new SignInThrottle(transactions, new FailureRepository(), cipher, clock, () -> this.policy);
    }

    @Modified
    void modified(SessionsConfig config) {
        policy = SessionPolicy.of(config);
    }

    /**
     * A sign-in through the REST API.
     *
     * @param totp the second-factor code (TOTP or recovery code), or {@code null}
     */
    public Result signIn(String login, String password, String totp, String address) {
        Optional<Refused> wait = backOff(login, address, REST_ACTION);
        if (wait.isPresent()) {
            return wait.get();
        }
        Optional<Account> account = accounts.verifyPassword(login, password);
        if (account.isEmpty()) {
            return failed(login, address, REST_ACTION, Refused.wrongCredentials());
        }
        if (account.get().secondFactor()) {
            if (totp == null || totp.isBlank()) {
                record(actorOf(account.get()), REST_ACTION, account.get(), address, 401);
                return Refused.secondFactorRequired();
            }
            if (!accounts.verifySecondFactor(account.get().id(), totp.strip())) {
                return failed(login, address, REST_ACTION, Refused.wrongSecondFactor());
            }
        }
        return succeeded(login, account.get(), address, REST_ACTION, 201);
    }

    /**
     * A sign-in through the Karaf shell (SSH), which asks for one secret only. An account with a second factor
     * types its password, a space and the code, e.g. {@code "my password 123456"}.
     */
    public Result shellSignIn(String login, String secret, String address) {
        Optional<Refused> wait = backOff(login, address, SHELL_ACTION);
        if (wait.isPresent()) {
            return wait.get();
        }
        Optional<Account> whole = accounts.verifyPassword(login, secret);
        if (whole.isPresent()) {
            if (whole.get().secondFactor()) {
                record(actorOf(whole.get()), SHELL_ACTION, whole.get(), address, 401);
                return Refused.secondFactorRequired();
            }
            return shellGate(login, whole.get(), address);
        }
        int space = secret.lastIndexOf(' ');
        if (space > 0 && space < secret.length() - 1) {
            Optional<Account> split = accounts.verifyPassword(login, secret.substring(0, space));
            if (split.isPresent() && split.get().secondFactor()) {
                if (accounts.verifySecondFactor(split.get().id(), secret.substring(space + 1))) {
                    return shellGate(login, split.get(), address);
                }
                return failed(login, address, SHELL_ACTION, Refused.wrongSecondFactor());
            }
        }
        return failed(login, address, SHELL_ACTION, Refused.wrongCredentials());
    }

    /**
     * After the credentials: the shell has no page to change a password on, so a password that must be changed
     * keeps the account out until it is changed in the console; an account without roles has no business there.
     */
    private Result shellGate(String login, Account account, String address) {
        Refused refused = null;
        if (accounts.pendingSteps(account.id()).contains(PendingStep.CHANGE_PASSWORD)) {
            refused = new Refused(403, "change-password",
                    "The password must be changed first: sign in to the console and change it", null);
        } else if (ShellRoles.of(account).isEmpty()) {
            refused = new Refused(403, "no-shell-role", "This account holds no role, so it may not use the shell",
                    null);
        }
        if (refused == null) {
            return succeeded(login, account, address, SHELL_ACTION, 200);
        }
        throttle.succeeded(login);
        record(actorOf(account), SHELL_ACTION, account, address, 403);
        return refused;
    }

    /** The client's address, looking through a trusted reverse proxy (see {@link ClientAddress}). */
    public String clientAddress(String remoteAddress, String forwardedFor) {
        return ClientAddress.of(remoteAddress, forwardedFor, policy.trustedProxies());
    }

    /** Forgets an account's failed sign-ins, ending its back-off; returns whether there were any. */
    public boolean unlock(String login) {
        return throttle.unlock(login);
    }

    /** Removes ended series of failures. */
    int purge() {
        return throttle.purge();
    }

    private Optional<Refused> backOff(String login, String address, String action) {
        Optional<Duration> wait = throttle.waitBeforeAttempt(login, address);
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        Optional<Account> known = accounts.byLogin(login);
        record(known.map(SignInService::actorOf).orElseGet(SignInService::unknownLogin), action, known.orElse(null),
                address, 429);
        return Optional.of(new Refused(429, "too-many-failures", "Too many failed sign-ins; try again in "
                + seconds + (seconds == 1 ? " second" : " seconds"), Duration.ofSeconds(seconds)));
    }

    private Refused failed(String login, String address, String action, Refused refusal) {
        throttle.failed(login, address);
        Optional<Account> known = accounts.byLogin(login);
        record(known.map(SignInService::actorOf).orElseGet(SignInService::unknownLogin), action, known.orElse(null),
                address, 401);
        return refusal;
    }

    private Success succeeded(String login, Account account, String address, String action, int status) {
        throttle.succeeded(login);
        accounts.signedIn(account.id(), clock.instant());
        record(actorOf(account), action, account, address, status);
        return new Success(account);
    }

    static Actor actorOf(Account account) {
        return new Actor(ActorKind.ACCOUNT, account.id().toString(), account.login());
    }

    /**
     * Who tried, when the login names no account. The typed text is not recorded: people type passwords into the
     * login field by mistake, and the audit log must never hold one.
     */
    private static Actor unknownLogin() {
        return new Actor(ActorKind.ANONYMOUS, "", "(unknown login)");
    }

    private void record(Actor actor, String action, Account account, String address, int status) {
        AuditLog log = audit;
        if (log == null) {
            return;
        }
        try {
            log.record(new AuditEntry(null, Instant.now(clock), actor, action, account == null ? "" : "account",
                    account == null ? "" : account.id().toString(), address, status,
                    status < 300 ? "success" : "denied"));
        } catch (RuntimeException e) {
            LOG.warn("Could not record a sign-in attempt in the audit log", e);
        }
    }
}
