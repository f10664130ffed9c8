package org.garrison.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.DEFAULT;

    private void check(String password, String login, List<String> recent) {
        policy.check("newPassword", password, login, recent, String::equals);
    }

    private String refusal(String password, String login, List<String> recent) {
        ValidationException refused = assertThrows(ValidationException.class, () -> check(password, login, recent));
        assertEquals("newPassword", refused.errors().get(0).field());
        return refused.errors().get(0).message();
    }

    @Test
    void acceptsALongEnoughPasswordUnlikeTheLoginAndNotUsedBefore() {
        assertDoesNotThrow(() -> check("correct horse battery", "jane", List.of("old one")));
    }

    @Test
    void refusesPasswordsOutsideTheLengthRange() {
        assertEquals("must have at least 12 characters", refusal("elevenchars", "jane", List.of()));
        assertDoesNotThrow(() -> check("twelve chars", "jane", List.of()));
        assertEquals("must have at most 1024 characters", refusal("x".repeat(1025), "jane", List.of()));
        assertEquals("is required", refusal("", "jane", List.of()));
        assertEquals("is required", refusal(null, "jane", List.of()));
        assertEquals("must not be only spaces", refusal(" ".repeat(12), "jane", List.of()));
    }

    @Test
    void refusesTheLoginAndPasswordsContainingIt() {
        assertEquals("must not be or contain the login", refusal("administrator", "administrator", List.of()));
        assertEquals("must not be or contain the login", refusal("my-JaneDoe-password", "janedoe", List.of()));
    }

    @Test
    void refusesTheLastFivePasswordsButNotOlderOnes() {
        List<String> recent = List.of("password no 6", "password no 5", "password no 4", "password no 3",
                "password no 2", "password no 1");
        assertEquals("must not be one of the last 5 passwords", refusal("password no 6", "jane", recent));
        assertEquals("must not be one of the last 5 passwords", refusal("password no 2", "jane", recent));
        assertDoesNotThrow(() -> check("password no 1", "jane", recent));
    }
}
