package org.garrison.sessions.internal;

import java.sql.SQLException;
import java.time.Instant;

import org.garrison.store.internal.TestDatabase;

/** The sign-in service and the authenticator over one fresh database and fake accounts, for tests in other packages. */
public final class SignInTesting {

    private final FakeAccounts accounts = new FakeAccounts();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final SignInService signIn;
    private final SessionAuthenticator sessions;

    public SignInTesting(Instant now) throws SQLException {
        TestDatabase database = TestDatabase.withSchema("sessions", "db/sessions.sql",
                SignInTesting.class.getClassLoader());
        MutableClock clock = new MutableClock(now);
        signIn = new SignInService(accounts, new FakeCipher(), database.transactions(), clock,
                SessionPolicy.defaults());
        signIn.audit = audit;
        sessions = new SessionAuthenticator(database.transactions(), accounts, clock, SessionPolicy.defaults());
    }

    public FakeAccounts accounts() {
        return accounts;
    }

    public RecordingAuditLog audit() {
        return audit;
    }

    public SignInService signIn() {
        return signIn;
    }

    public SessionAuthenticator sessions() {
        return sessions;
    }
}
