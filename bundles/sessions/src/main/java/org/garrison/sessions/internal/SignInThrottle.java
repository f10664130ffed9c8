package org.garrison.sessions.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.garrison.api.security.PersonalDataCipher;
import org.garrison.api.store.StoreException;
import org.garrison.api.store.Transactions;
import org.garrison.sessions.internal.FailureRepository.Failures;

/**
 * Slows down password guessing, in the database so that every server node sees the same counts.
 *
 * <p>Per account: after {@code accountFailureThreshold} failures in a series, each further attempt must wait
 * 1 s, 2 s, 4 s, ... after the last failure, never longer than {@code maxBackOff}. Per source address: more than
 * {@code addressFailureLimit} failures in a series refuse that address until the window has passed since its last
 * failure. A series ends when its last failure is older than the window, and an account's series also ends with a
 * successful sign-in. Sign-ins from the loopback address skip the per-account back-off, so an attacker elsewhere
 * can never keep the administrator out of the local connector. Accounts are named by the keyed hash of their
 * lower-cased login, never by the login itself (logins are personal data).
 */
final class SignInThrottle {

    private final Transactions transactions;
    private final FailureRepository repository;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Supplier<SessionPolicy> policy;

    SignInThrottle(Transactions transactions, FailureRepository repository, PersonalDataCipher cipher, Clock clock,
            Supplier<SessionPolicy> policy) {
        this.transactions = transactions;
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * How long the caller must wait before this attempt may be checked, or empty when it may be checked now.
     *
     * @param login   the login given (any case), or {@code null}
     * @param address the source address, or {@code null} when unknown
     */
    Optional<Duration> waitBeforeAttempt(String login, String address) {
        SessionPolicy limits = policy.get();
        Instant now = clock.instant();
        return transactions.inTransaction(connection -> {
            Duration wait = Duration.ZERO;
            if (address != null) {
                Optional<Failures> byAddress = repository.find(connection, addressSubject(address));
                if (byAddress.isPresent() && current(byAddress.get(), now, limits)
                        && byAddress.get().count() > limits.addressFailureLimit()) {
                    wait = max(wait, Duration.between(now,
                            byAddress.get().lastFailureAt().plus(limits.failureWindow())));
                }
            }
            if (login != null && !ClientAddress.isLoopback(address)) {
                Optional<Failures> byAccount = repository.find(connection, accountSubject(login));
                if (byAccount.isPresent() && current(byAccount.get(), now, limits)
                        && byAccount.get().count() >= limits.accountFailureThreshold()) {
                    Duration delay = backOff(byAccount.get().count(), limits);
                    wait = max(wait, Duration.between(now, byAccount.get().lastFailureAt().plus(delay)));
                }
            }
            return wait.isZero() || wait.isNegative() ? Optional.<Duration>empty() : Optional.of(wait);
        });
    }

    /** Counts a failed attempt against the account (when a login was given) and the address. */
    void failed(String login, String address) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SessionPolicy limits = policy.get();
        retryOnce(() -> transactions.runInTransaction(connection -> {
            if (login != null) {
                count(connection, accountSubject(login), now, limits);
            }
            if (address != null) {
                count(connection, addressSubject(address), now, limits);
            }
        }));
    }

    /** Ends the account's series of failures after a successful sign-in; the address keeps its count. */
    void succeeded(String login) {
        unlock(login);
    }

    /** Forgets the account's failures; returns whether there were any. */
    boolean unlock(String login) {
        return transactions.inTransaction(connection -> repository.delete(connection, accountSubject(login)));
    }

    /** Removes series that have ended. */
    int purge() {
        Instant cutoff = clock.instant().minus(policy.get().failureWindow());
        return transactions.inTransaction(connection -> repository.deleteLastFailedBefore(connection, cutoff));
    }

    /** The delay after the {@code count}-th failure: 1 s at the threshold, doubling, capped. */
    static Duration backOff(int count, SessionPolicy limits) {
        int doublings = count - limits.accountFailureThreshold();
        if (doublings < 0) {
            return Duration.ZERO;
        }
        long seconds = doublings >= 40 ? Long.MAX_VALUE : 1L << doublings;
        return seconds >= limits.maxBackOff().toSeconds() ? limits.maxBackOff() : Duration.ofSeconds(seconds);
    }

    private void count(Connection connection, String subject, Instant now, SessionPolicy limits)
            throws SQLException {
        Optional<Failures> existing = repository.find(connection, subject);
        int count = existing.filter(failures -> current(failures, now, limits)).map(Failures::count).orElse(0);
        repository.save(connection, subject, new Failures(count == Integer.MAX_VALUE ? count : count + 1, now));
    }

    private static boolean current(Failures failures, Instant now, SessionPolicy limits) {
        return failures.lastFailureAt().plus(limits.failureWindow()).isAfter(now);
    }

    private String accountSubject(String login) {
        return "account:" + cipher.lookupKey(login.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressSubject(String address) {
        String trimmed = address.length() > 100 ? address.substring(0, 100) : address;
        return "address:" + trimmed;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Two nodes inserting the first failure of a subject at once: the loser's insert fails; its retry updates. */
    private static void retryOnce(Runnable work) {
        try {
            work.run();
        } catch (StoreException conflict) {
            work.run();
        }
    }
}
