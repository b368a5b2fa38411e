package dev.outageradar.alert.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outageradar.alert.JsonFormat;

/** Building and writing the payload trees with the project's one mapper. */
final class Json {

    private Json() {
    }

    static ObjectNode object() {
        return JsonFormat.mapper().createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return JsonFormat.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
