package org.garrison.audit.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class AuditLogCommandTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void sinceTakesAnInstantOrAnAmountOfTimeAgo() {
        assertEquals("2026-11-01T00:00:00Z", AuditLogCommand.since("2026-11-01T00:00:00Z", NOW));
        assertEquals("2026-11-26T11:30:00Z", AuditLogCommand.since("30m", NOW));
        assertEquals("2026-11-26T00:00:00Z", AuditLogCommand.since("12h", NOW));
        assertEquals("2026-11-19T12:00:00Z", AuditLogCommand.since("7d", NOW));
        assertEquals("2026-11-26T11:59:50Z", AuditLogCommand.since("10s", NOW));
        assertNull(AuditLogCommand.since(null, NOW));
    }

    @Test
    void actorsShowTheirNameAndKind() {
        assertEquals("alice (account)", AuditLogCommand.actor(new Actor(ActorKind.ACCOUNT, "a-1", "alice")));
        assertEquals("anonymous", AuditLogCommand.actor(Actor.anonymous()));
        assertEquals("mallory (anonymous)", AuditLogCommand.actor(new Actor(ActorKind.ANONYMOUS, "", "mallory")));
        assertEquals("system", AuditLogCommand.actor(new Actor(ActorKind.SYSTEM, "x", "")));
    }

    @Test
    void anythingElseIsRefusedNamingTheOption() {
        assertEquals("since", assertThrows(ValidationException.class,
                () -> AuditLogCommand.since("last week", NOW)).errors().get(0).field());
    }
}
