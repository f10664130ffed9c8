package org.garrison.gateway.internal.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.garrison.api.ActorKind;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.IssuedEnrollmentToken;
import org.garrison.gateway.internal.enrollment.EnrollmentTokens.NewEnrollmentToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrollmentTokensTest {

    private EnrollmentTesting gateway;

    @BeforeEach
    void setUp() throws SQLException {
        gateway = new EnrollmentTesting();
    }

    @Test
    void aNewTokenHasSensibleDefaultsAndCarriesTheAuthoritysPin() {
        IssuedEnrollmentToken issued = gateway.tokens.create(new NewEnrollmentToken(" Office laptops ", null, null,
                null, null), EnrollmentTesting.ADMIN);
        EnrollmentToken token = issued.token();
        assertEquals("Office laptops", token.name());
        assertEquals(AdministrationGroup.UNASSIGNED_DEVICES, token.groupId());
        assertFalse(token.requireApproval());
        assertEquals(1, token.maxUses());
        assertEquals(0, token.uses());
        assertEquals(EnrollmentTesting.START.plus(Duration.ofDays(7)), token.expiresAt());
        assertEquals(EnrollmentTesting.ADMIN, token.createdBy());
        assertEquals(TokenState.ACTIVE, token.stateAt(gateway.tokens.now()));
        assertEquals(token, gateway.tokens.get(token.id()));

        assertTrue(issued.text().matches("ge1\\.[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}"), issued.text());
        assertTrue(issued.text().endsWith("." + gateway.authority.pin()));
        assertFalse(issued.toString().contains(issued.text()));
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() throws SQLException {
        IssuedEnrollmentToken issued = gateway.token(1);
        TokenText text = TokenText.parse(issued.text()).orElseThrow();
        try (Connection connection = gateway.database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM GATEWAY_ENROLLMENT_TOKEN")) {
            row.next();
            assertEquals(text.secretHash(), row.getString("SECRET_HASH"));
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                String value = row.getString(column);
                assertTrue(value == null || !value.contains(text.secret()), row.getMetaData().getColumnName(column));
            }
        }
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ValidationException refused = assertThrows(ValidationException.class, () -> gateway.tokens.create(
                new NewEnrollmentToken(" ", UUID.randomUUID(), null, 0, EnrollmentTesting.START.minusSeconds(1)),
                EnrollmentTesting.ADMIN));
        assertEquals(Set.of("name", "groupId", "maxUses", "expiresAt"), fields(refused));

        refused = assertThrows(ValidationException.class, () -> gateway.tokens.create(new NewEnrollmentToken(
                "n".repeat(101), null, null, 100_001, EnrollmentTesting.START.plus(Duration.ofDays(366))),
                EnrollmentTesting.ADMIN));
        assertEquals(Set.of("name", "maxUses", "expiresAt"), fields(refused));
        assertThrows(ValidationException.class, () -> gateway.tokens.create(new NewEnrollmentToken("a\nb", null,
                null, null, null), EnrollmentTesting.ADMIN));
        assertThrows(ValidationException.class, () -> gateway.tokens.create(null, EnrollmentTesting.ADMIN));

        UUID office = gateway.groups.add(AdministrationGroup.MANAGED_DEVICES, "Office");
        Instant in365Days = EnrollmentTesting.START.plus(Duration.ofDays(365));
        EnrollmentToken accepted = gateway.tokens.create(new NewEnrollmentToken("n".repeat(100), office, true,
                100_000, in365Days), new org.garrison.api.Actor(ActorKind.SYSTEM, "karaf-shell", "karaf-shell"))
                .token();
        assertEquals(office, accepted.groupId());
        assertEquals(in365Days, accepted.expiresAt());
        assertEquals(ActorKind.SYSTEM, gateway.tokens.get(accepted.id()).createdBy().kind());
    }

    @Test
    void aTokenExpiresIsUsedUpOrIsRevokedForGood() {
        IssuedEnrollmentToken expiring = gateway.token(3);
        IssuedEnrollmentToken once = gateway.token(1);
        gateway.enroll(once.text(), "hw-1");
        assertEquals(TokenState.USED_UP, gateway.tokens.get(once.token().id()).stateAt(gateway.tokens.now()));

        IssuedEnrollmentToken revoked = gateway.token(3);
        EnrollmentToken first = gateway.tokens.revoke(revoked.token().id());
        assertEquals(TokenState.REVOKED, first.stateAt(gateway.tokens.now()));
        gateway.clock.advance(Duration.ofMinutes(1));
        assertEquals(first.revokedAt(), gateway.tokens.revoke(revoked.token().id()).revokedAt());

        gateway.clock.advance(Duration.ofDays(7));
        assertEquals(TokenState.EXPIRED, gateway.tokens.get(expiring.token().id()).stateAt(gateway.tokens.now()));
        assertEquals("used-up", TokenState.USED_UP.wireName());
        assertThrows(NotFoundException.class, () -> gateway.tokens.get(UUID.randomUUID()));
        assertThrows(NotFoundException.class, () -> gateway.tokens.revoke(UUID.randomUUID()));
    }

    @Test
    void tokensAreListedNewestFirstAllOrOnlyActiveOnes() {
        List<IssuedEnrollmentToken> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(0, gateway.token(1));
            gateway.clock.advance(Duration.ofSeconds(1));
        }
        List<UUID> created = issued.stream().map(token -> token.token().id()).toList();
        gateway.tokens.revoke(created.get(0));
        gateway.enroll(issued.get(4).text(), "hw");

        List<UUID> listed = new ArrayList<>();
        PageRequest page = new PageRequest(2, null);
        while (true) {
            Page<EnrollmentToken> tokens = gateway.tokens.list(false, page);
            assertEquals(5, tokens.total());
            tokens.items().forEach(token -> listed.add(token.id()));
            if (!tokens.hasMore()) {
                break;
            }
            page = PageRequest.of(2, tokens.nextCursor());
        }
        assertEquals(created, listed);
        Page<EnrollmentToken> active = gateway.tokens.list(true, PageRequest.first());
        assertEquals(3, active.total());
        assertEquals(created.subList(1, 4), active.items().stream().map(EnrollmentToken::id).toList());
        assertNull(active.nextCursor());
    }

    private static Set<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }
}
