package org.garrison.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class JsonDiffTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void equalDocumentsGiveAnEmptyPatch() throws Exception {
        assertEquals("[]", diff("{\"a\":[1,{\"b\":2}]}", "{\"a\":[1,{\"b\":2}]}"));
    }

    @Test
    void membersAreRemovedReplacedAndAdded() throws Exception {
        assertEquals("[{\"op\":\"remove\",\"path\":\"/gone\"},"
                + "{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"new\"},"
                + "{\"op\":\"add\",\"path\":\"/extra\",\"value\":{\"x\":1}}]",
                diff("{\"gone\":true,\"name\":\"old\",\"same\":1}",
                        "{\"name\":\"new\",\"same\":1,\"extra\":{\"x\":1}}"));
    }

    @Test
    void nestedChangesGetDeepPointers() throws Exception {
        assertEquals("[{\"op\":\"replace\",\"path\":\"/settings/inactivity/removeAfterDays\",\"value\":60}]",
                diff("{\"settings\":{\"inactivity\":{\"removeAfterDays\":30}}}",
                        "{\"settings\":{\"inactivity\":{\"removeAfterDays\":60}}}"));
    }

    @Test
    void arraysAreComparedByIndexAndShrinkFromTheEnd() throws Exception {
        assertEquals("[{\"op\":\"replace\",\"path\":\"/a/0\",\"value\":9},"
                + "{\"op\":\"remove\",\"path\":\"/a/3\"},{\"op\":\"remove\",\"path\":\"/a/2\"}]",
                diff("{\"a\":[1,2,3,4]}", "{\"a\":[9,2]}"));
        assertEquals("[{\"op\":\"add\",\"path\":\"/a/1\",\"value\":2},{\"op\":\"add\",\"path\":\"/a/2\",\"value\":3}]",
                diff("{\"a\":[1]}", "{\"a\":[1,2,3]}"));
    }

    @Test
    void pointerTokensEscapeTildeAndSlash() throws Exception {
        assertEquals("[{\"op\":\"add\",\"path\":\"/a~1b~0c\",\"value\":1}]", diff("{}", "{\"a/b~c\":1}"));
    }

    @Test
    void aChangeOfTypeIsAReplace() throws Exception {
        assertEquals("[{\"op\":\"replace\",\"path\":\"/v\",\"value\":[1]}]", diff("{\"v\":{\"x\":1}}", "{\"v\":[1]}"));
        assertEquals("[{\"op\":\"replace\",\"path\":\"/v\",\"value\":null}]", diff("{\"v\":1}", "{\"v\":null}"));
    }

    @Test
    void applyingThePatchGivesTheTarget() throws Exception {
        String[][] pairs = {
            {"{\"a\":[1,2,{\"b\":[3,4,5]}],\"c\":\"x\",\"d\":{}}", "{\"a\":[1,{\"z\":0}],\"d\":{\"e/f\":[]},\"g\":1}"},
            {"{\"list\":[]}", "{\"list\":[[1],[2,[3]]]}"},
            {"{\"list\":[[1],[2,[3]]],\"k\":true}", "{\"list\":[[1,5]]}"},
        };
        for (String[] pair : pairs) {
            JsonNode source = mapper.readTree(pair[0]);
            JsonNode target = mapper.readTree(pair[1]);
            assertEquals(target, apply(source, JsonDiff.diff(source, target)), pair[0] + " -> " + pair[1]);
        }
    }

    private String diff(String source, String target) throws Exception {
        return mapper.writeValueAsString(JsonDiff.diff(mapper.readTree(source), mapper.readTree(target)));
    }

    /** A minimal RFC 6902 applier for add/remove/replace, independent of the code under test. */
    private static JsonNode apply(JsonNode document, ArrayNode patch) {
        JsonNode root = document.deepCopy();
        for (JsonNode operation : patch) {
            String path = operation.get("path").asText();
            String op = operation.get("op").asText();
            if (path.isEmpty()) {
                root = operation.get("value");
                continue;
            }
            int cut = path.lastIndexOf('/');
            JsonNode parent = root.at(path.substring(0, cut));
            String token = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
            if (parent.isObject()) {
                if (op.equals("remove")) {
                    ((ObjectNode) parent).remove(token);
                } else {
                    ((ObjectNode) parent).set(token, operation.get("value"));
                }
            } else {
                ArrayNode array = (ArrayNode) parent;
                int index = Integer.parseInt(token);
                switch (op) {
                    case "remove" -> array.remove(index);
                    case "add" -> array.insert(index, operation.get("value"));
                    default -> array.set(index, operation.get("value"));
                }
            }
        }
        return root;
    }
}
