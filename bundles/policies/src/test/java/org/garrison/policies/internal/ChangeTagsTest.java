package org.garrison.policies.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ChangeTagsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicLong generation = new AtomicLong(7);
    private final AtomicLong reads = new AtomicLong();
    private final ChangeTags tags = new ChangeTags(now::get);

    private String tag(String... schemas) {
        return tags.tag(() -> {
            reads.incrementAndGet();
            return generation.get();
        }, List.of(schemas));
    }

    @Test
    void theGenerationIsReadAtMostOnceASecond() {
        String first = tag("av@1.0.0");
        generation.incrementAndGet();
        now.addAndGet(ChangeTags.GENERATION_REUSE_MILLIS - 1);
        assertEquals(first, tag("av@1.0.0"), "within the second the generation read is reused");
        assertEquals(1, reads.get());
        now.incrementAndGet();
        assertNotEquals(first, tag("av@1.0.0"), "a second later the stored generation is read again");
        assertEquals(2, reads.get());
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnce() {
        String first = tag("av@1.0.0");
        generation.incrementAndGet();
        tags.forget();
        assertNotEquals(first, tag("av@1.0.0"));
    }

    @Test
    void schemasComingGoingOrChangingVersionChangeTheTag() {
        String one = tag("av@1.0.0");
        assertEquals(one, tag("av@1.0.0"));
        assertNotEquals(one, tag("av@1.0.1"));
        assertNotEquals(one, tag("av@1.0.0", "dc@1.0.0"));
        assertNotEquals(one, tag());
    }

    @Test
    void aClockGoingBackReadsTheGenerationAgain() {
        tag();
        now.addAndGet(-5_000);
        tag();
        assertEquals(2, reads.get());
    }
}
