package com.example.helloapp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

class GreetingsResourceTest {

    @Test
    void theLimitIsAWholeNumberFromOneToAThousand() {
        assertEquals(1, GreetingsResource.limit("1"));
        assertEquals(1000, GreetingsResource.limit(" 1000 "));
        for (String bad : new String[] {"0", "1001", "-5", "ten", "", "99999999999"}) {
            assertThrows(ValidationException.class, () -> GreetingsResource.limit(bad), bad);
        }
    }
}
