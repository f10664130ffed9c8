package org.garrison.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.core.Response;

import org.garrison.api.error.ValidationException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonExceptionMapperTest {

    record Device(String name, int cores, Instant seen, List<String> tags) {
    }

    record Checked(int count) {
        Checked {
            if (count < 0) {
                throw new ValidationException("count", "must not be negative");
            }
        }
    }

    private final ObjectMapper mapper = JsonMapper.create();
    private final JsonExceptionMapper exceptionMapper = new JsonExceptionMapper();

    private String detailFor(String json, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, type));
        Response response = exceptionMapper.toResponse(e);
        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return ((Problem) response.getEntity()).detail();
    }

    @Test
    void malformedJsonSaysWhere() {
        assertTrue(detailFor("{\"name\": \"a\",", Device.class).startsWith("The request body is not valid JSON"));
    }

    @Test
    void aStringWhereAnIntegerBelongsNamesTheFieldAndType() {
        String detail = detailFor("{\"name\":\"a\",\"cores\":\"four\"}", Device.class);
        assertTrue(detail.contains("'cores'") && detail.contains("integer"), detail);
    }

    @Test
    void numbersAreNotSilentlyTurnedIntoStringsOrTruncated() {
        assertTrue(detailFor("{\"cores\":1,\"name\":12}", Device.class).contains("'name'"));
        assertTrue(detailFor("{\"cores\":1,\"name\":true}", Device.class).contains("'name'"));
        assertTrue(detailFor("{\"cores\":2.5}", Device.class).contains("'cores'"));
    }

    @Test
    void unknownFieldsAreNamed() {
        assertEquals("Unknown field 'colour'", detailFor("{\"cores\":1,\"colour\":\"red\"}", Device.class));
    }

    @Test
    void aMissingPrimitiveIsRequired() {
        assertEquals("Field 'cores' is required", detailFor("{\"name\":\"a\"}", Device.class));
    }

    @Test
    void aBadTimestampNamesTheField() {
        assertTrue(detailFor("{\"cores\":1,\"seen\":\"yesterday\"}", Device.class).contains("'seen'"));
    }

    @Test
    void theWrongShapeIsExplained() {
        assertTrue(detailFor("[1]", Device.class).contains("expected shape"));
        assertTrue(detailFor("{\"cores\":1,\"tags\":\"one\"}", Device.class).contains("'tags'"));
    }

    @Test
    void trailingContentAndDeepNestingAreRefused() {
        detailFor("{\"cores\":1} {}", Device.class);
        assertTrue(detailFor("[".repeat(200), Object.class).contains("nested"));
    }

    @Test
    void aDomainRefusalInsideTheBodyKeepsItsOwnStatus() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"count\":-1}", Checked.class));
        Response response = exceptionMapper.toResponse(e);
        assertEquals(422, response.getStatus());
        assertEquals("count", ((Problem) response.getEntity()).errors().get(0).field());
    }

    @Test
    void instantsAreWrittenAsIsoText() throws Exception {
        String json = mapper.writeValueAsString(new Device("a", 2, Instant.parse("2026-11-26T10:00:00Z"), null));
        assertEquals("{\"name\":\"a\",\"cores\":2,\"seen\":\"2026-11-26T10:00:00Z\"}", json);
    }
}
