package com.aurouslabs.toolkit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Applies a reading's changes to a copy of the request-body schema (rules.yaml {@code alternative.schema}). */
final class SchemaChanges {

    private SchemaChanges() {
    }

    /**
     * A deep copy of {@code schema} with each change applied: the key is a JSON pointer inside the schema
     * ({@code /properties/seed/maximum}), the value the keyword's new value; null removes the keyword. A change
     * whose parent the schema does not have (a {@code --spec} without that property) is skipped.
     */
    static JsonNode apply(JsonNode schema, Map<String, JsonNode> changes) {
        if (changes.isEmpty()) {
            return schema;
        }
        JsonNode copy = schema.deepCopy();
        for (Map.Entry<String, JsonNode> change : changes.entrySet()) {
            String pointer = change.getKey();
            int slash = pointer.lastIndexOf('/');
            if (!pointer.startsWith("/") || slash < 0) {
                throw new IllegalArgumentException("schema change " + pointer + " is not a JSON pointer");
            }
            JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
            if (!(parent instanceof ObjectNode object)) {
                continue;
            }
            String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            JsonNode value = change.getValue();
            if (value == null || value.isNull()) {
                object.remove(key);
            } else {
                object.set(key, value);
            }
        }
        return copy;
    }
}
