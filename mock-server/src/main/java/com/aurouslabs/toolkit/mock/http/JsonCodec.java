package com.aurouslabs.toolkit.mock.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * JSON for answers (snake_case for records such as journal entries). The mapper is private, so nobody can
 * reconfigure it; only the few operations the mock needs are exposed.
 */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonCodec() {
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize answer", e);
        }
    }

    public static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    /** {@code value} (a record, list, ...) as a tree, with the answer naming (snake_case). */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Parses {@code json}; null for an empty input. */
    public static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }
}
