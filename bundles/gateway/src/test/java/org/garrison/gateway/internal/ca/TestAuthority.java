package org.garrison.gateway.internal.ca;

import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

import org.garrison.api.security.PersonalDataCipher;
import org.garrison.api.store.Transactions;
import org.garrison.store.internal.TestDatabase;

/** A fresh gateway database and the real authority over it, for the tests of every package. */
public final class TestAuthority {

    public static final UUID SERVER_ID = UUID.fromString("5e7e7000-0000-4000-8000-000000000001");

    private TestAuthority() {
    }

    public static TestDatabase database() throws SQLException {
        return TestDatabase.withSchema("gateway", "db/gateway.sql", TestAuthority.class.getClassLoader());
    }

    public static CertificateAuthority over(Transactions transactions, PersonalDataCipher cipher, Clock clock) {
        return new CertificateAuthority(transactions, cipher, SERVER_ID, clock);
    }
}
