package org.garrison.accounts.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.garrison.api.store.SqlTime;

/**
 * SQL for console settings (ACCOUNTS_SETTINGS) and legal terms (ACCOUNTS_TERMS, ACCOUNTS_TERMS_ACCEPTANCE).
 */
final class ConsoleRepository {

    private static final String TERMS_COLUMNS = "ID, VERSION, TITLE, BODY, PUBLISHED_AT, PUBLISHED_BY";

    Optional<String> settings(Connection connection, UUID accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DOCUMENT FROM ACCOUNTS_SETTINGS WHERE ACCOUNT_ID = ?")) {
            select.setString(1, accountId.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    void saveSettings(Connection connection, UUID accountId, String document, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ACCOUNTS_SETTINGS SET DOCUMENT = ?, MODIFIED_AT = ? WHERE ACCOUNT_ID = ?")) {
            update.setString(1, document);
            SqlTime.set(update, 2, at);
            update.setString(3, accountId.toString());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ACCOUNTS_SETTINGS (ACCOUNT_ID, DOCUMENT, MODIFIED_AT) VALUES (?, ?, ?)")) {
            insert.setString(1, accountId.toString());
            insert.setString(2, document);
            SqlTime.set(insert, 3, at);
            insert.executeUpdate();
        }
    }

    Optional<LegalTerms> currentTerms(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + TERMS_COLUMNS
                + " FROM ACCOUNTS_TERMS WHERE SEQ = (SELECT MAX(SEQ) FROM ACCOUNTS_TERMS)")) {
            return oneTerms(select);
        }
    }

    Optional<LegalTerms> termsByVersion(Connection connection, String version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + TERMS_COLUMNS
                + " FROM ACCOUNTS_TERMS WHERE VERSION = ?")) {
            select.setString(1, version);
            return oneTerms(select);
        }
    }

    void insertTerms(Connection connection, LegalTerms terms) throws SQLException {
        int next;
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(SEQ) FROM ACCOUNTS_TERMS");
                ResultSet row = select.executeQuery()) {
            row.next();
            next = row.getInt(1) + 1;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ACCOUNTS_TERMS "
                + "(ID, SEQ, VERSION, TITLE, BODY, PUBLISHED_AT, PUBLISHED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, terms.id().toString());
            insert.setInt(2, next);
            insert.setString(3, terms.version());
            insert.setString(4, terms.title());
            insert.setString(5, terms.text());
            SqlTime.set(insert, 6, terms.publishedAt());
            insert.setString(7, terms.publishedBy());
            insert.executeUpdate();
        }
    }

    Optional<Instant> acceptedAt(Connection connection, UUID accountId, UUID termsId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT ACCEPTED_AT FROM "
                + "ACCOUNTS_TERMS_ACCEPTANCE WHERE ACCOUNT_ID = ? AND TERMS_ID = ?")) {
            select.setString(1, accountId.toString());
            select.setString(2, termsId.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(SqlTime.get(row, "ACCEPTED_AT")) : Optional.empty();
            }
        }
    }

    void accept(Connection connection, UUID accountId, UUID termsId, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ACCOUNTS_TERMS_ACCEPTANCE "
                + "(ACCOUNT_ID, TERMS_ID, ACCEPTED_AT) VALUES (?, ?, ?)")) {
            insert.setString(1, accountId.toString());
            insert.setString(2, termsId.toString());
            SqlTime.set(insert, 3, at);
            insert.executeUpdate();
        }
    }

    /** Acceptances, newest first, optionally of one version only. */
    List<TermsAcceptance> acceptances(Connection connection, String version) throws SQLException {
        String sql = "SELECT A.ACCOUNT_ID, A.TERMS_ID, T.VERSION, A.ACCEPTED_AT FROM ACCOUNTS_TERMS_ACCEPTANCE A "
                + "JOIN ACCOUNTS_TERMS T ON T.ID = A.TERMS_ID"
                + (version == null ? "" : " WHERE T.VERSION = ?")
                + " ORDER BY A.ACCEPTED_AT DESC, A.ACCOUNT_ID";
        List<TermsAcceptance> acceptances = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (version != null) {
                select.setString(1, version);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    acceptances.add(new TermsAcceptance(UUID.fromString(row.getString(1)),
                            UUID.fromString(row.getString(2)), row.getString(3), SqlTime.get(row, "ACCEPTED_AT")));
                }
            }
        }
        return acceptances;
    }

    private static Optional<LegalTerms> oneTerms(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new LegalTerms(UUID.fromString(row.getString("ID")), row.getString("VERSION"),
                    row.getString("TITLE"), row.getString("BODY"), SqlTime.get(row, "PUBLISHED_AT"),
                    row.getString("PUBLISHED_BY")));
        }
    }
}
