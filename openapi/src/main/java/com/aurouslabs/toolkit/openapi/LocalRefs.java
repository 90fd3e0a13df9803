package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Inlines the local references ({@code $ref: '#/components/...'}) of one OpenAPI 3.0 document, so a schema can be
 * compiled on its own. As in OpenAPI 3.0, a {@code $ref} object stands for its target and its sibling keys are
 * ignored. A reference to another file, or a cycle, is an error: the estimate spec has neither, and a recursive
 * schema cannot be inlined.
 */
final class LocalRefs {

    private static final int MAX_DEPTH = 64;

    private final JsonNode root;

    LocalRefs(JsonNode root) {
        this.root = root;
    }

    /** A copy of {@code node} with every local {@code $ref} replaced by (a copy of) its target; never mutates the document. */
    JsonNode resolve(JsonNode node) {
        return resolve(node, new ArrayDeque<>());
    }

    private JsonNode resolve(JsonNode node, Deque<String> trail) {
        if (node == null || node.isMissingNode()) {
            return node;
        }
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String pointer = ref.asText();
                if (trail.contains(pointer) || trail.size() >= MAX_DEPTH) {
                    throw new IllegalArgumentException("recursive $ref " + pointer + " (via " + trail + ")");
                }
                trail.push(pointer);
                JsonNode resolved = resolve(target(pointer), trail);
                trail.pop();
                return resolved;
            }
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), resolve(e.getValue(), trail));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode(node.size());
            for (JsonNode item : node) {
                copy.add(resolve(item, trail));
            }
            return copy;
        }
        return node;
    }

    /** The node a local reference points to, as written (its own {@code $ref}s kept). */
    JsonNode target(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references (#/...) are supported, not " + ref);
        }
        // JSON pointer unescaping (~1 is '/', ~0 is '~'); OpenAPI keys here need no percent-decoding.
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved $ref " + ref);
        }
        return target;
    }
}
