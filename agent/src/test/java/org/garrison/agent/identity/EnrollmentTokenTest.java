package org.garrison.agent.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EnrollmentTokenTest {

    private static final String SECRET = "q3J0c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXg";
    private static final String PIN = "X0fPinPinPinPinPinPinPinPinPinPinPinPinPin0";

    @Test
    void aTokenGivesItsPinAndIsSentAsTyped() {
        EnrollmentToken token = EnrollmentToken.parse("  ge1." + SECRET + "." + PIN + "\n");
        assertEquals(PIN, token.caPin());
        assertEquals("ge1." + SECRET + "." + PIN, token.text());
    }

    @Test
    void theSecretNeverAppearsInItsTextForm() {
        EnrollmentToken token = EnrollmentToken.parse("ge1." + SECRET + "." + PIN);
        assertFalse(token.toString().contains(SECRET));
    }

    @Test
    void malformedTokensAreRefusedWithoutRepeatingTheSecret() {
        for (String bad : new String[] {"", "ge1", "ge2." + SECRET + "." + PIN, "ge1." + SECRET,
                "ge1." + SECRET + "." + PIN + ".x", "ge1." + SECRET.substring(1) + "." + PIN,
                "ge1." + SECRET + "." + PIN.substring(2) + "!!", "ge1." + SECRET + "+." + PIN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EnrollmentToken.parse(bad), bad);
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> EnrollmentToken.parse(null));
    }
}
