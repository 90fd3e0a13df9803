package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What openapi-diff 2.0.1 does not see: a request-body schema that accepts less than before. It ignores
 * minimum/maximum, minItems/maxItems and removed request properties (with additionalProperties false a
 * removed property turns a valid request into a 400). This check compares the request-body schema of the
 * estimate operation in two documents and lists every tightening, so the release gate can treat it as a
 * breaking change. Loosening is never listed.
 */
final class RequestTightening {

    static final String BODY_SCHEMA = "/paths/~1v1~1images~1estimate/post/requestBody/content/application~1json/schema";

    private final JsonNode oldDoc;
    private final JsonNode newDoc;
    private final List<String> found = new ArrayList<>();

    private RequestTightening(JsonNode oldDoc, JsonNode newDoc) {
        this.oldDoc = oldDoc;
        this.newDoc = newDoc;
    }

    /** Each tightening as {@code "<path>: <what>"}; empty when every old valid request is still valid. */
    static List<String> between(JsonNode oldDoc, JsonNode newDoc) {
        RequestTightening check = new RequestTightening(oldDoc, newDoc);
        check.compare("body", oldDoc.at(BODY_SCHEMA), newDoc.at(BODY_SCHEMA));
        return List.copyOf(check.found);
    }

    private void compare(String path, JsonNode oldSchema, JsonNode newSchema) {
        JsonNode o = resolve(oldDoc, oldSchema);
        JsonNode n = resolve(newDoc, newSchema);
        if (n.isMissingNode()) {
            found.add(path + ": removed");
            return;
        }
        if (!Objects.equals(o.path("type").asText(null), n.path("type").asText(null))) {
            found.add(path + ": type " + o.path("type").asText("any") + " -> " + n.path("type").asText("any"));
        }
        if (o.path("nullable").asBoolean(false) && !n.path("nullable").asBoolean(false)) {
            found.add(path + ": no longer nullable");
        }
        raised(path, "minimum", o, n);
        raised(path, "minLength", o, n);
        raised(path, "minItems", o, n);
        lowered(path, "maximum", o, n);
        lowered(path, "maxLength", o, n);
        lowered(path, "maxItems", o, n);
        if (n.has("pattern") && !n.path("pattern").equals(o.path("pattern"))) {
            found.add(path + ": pattern " + o.path("pattern").asText("(none)") + " -> " + n.path("pattern").asText());
        }
        if (n.has("enum")) {
            Set<JsonNode> allowed = new HashSet<>();
            n.get("enum").forEach(allowed::add);
            if (!o.has("enum")) {
                found.add(path + ": enum added");
            } else {
                o.get("enum").forEach(v -> {
                    if (!allowed.contains(v)) {
                        found.add(path + ": enum value " + v + " removed");
                    }
                });
            }
        }
        Set<String> oldRequired = new HashSet<>();
        o.path("required").forEach(r -> oldRequired.add(r.asText()));
        n.path("required").forEach(r -> {
            if (!oldRequired.contains(r.asText())) {
                found.add(path + ": " + r.asText() + " became required");
            }
        });
        if (!o.path("additionalProperties").isBoolean() || o.path("additionalProperties").asBoolean()) {
            if (n.path("additionalProperties").isBoolean() && !n.path("additionalProperties").asBoolean()) {
                found.add(path + ": additionalProperties became false");
            }
        }
        for (Map.Entry<String, JsonNode> property : o.path("properties").properties()) {
            JsonNode newProperty = n.path("properties").path(property.getKey());
            if (newProperty.isMissingNode() && n.path("additionalProperties").isBoolean()
                    && !n.path("additionalProperties").asBoolean()) {
                found.add(path + "." + property.getKey() + ": removed (unknown properties are rejected)");
            } else if (!newProperty.isMissingNode()) {
                compare(path + "." + property.getKey(), property.getValue(), newProperty);
            }
        }
        if (o.has("items")) {
            compare(path + "[]", o.get("items"), n.path("items"));
        }
    }

    private void raised(String path, String keyword, JsonNode o, JsonNode n) {
        if (n.has(keyword) && (!o.has(keyword) || n.get(keyword).decimalValue().compareTo(o.get(keyword).decimalValue()) > 0)) {
            found.add(path + ": " + keyword + " " + o.path(keyword).asText("(none)") + " -> " + n.get(keyword).asText());
        }
    }

    private void lowered(String path, String keyword, JsonNode o, JsonNode n) {
        if (n.has(keyword) && (!o.has(keyword) || n.get(keyword).decimalValue().compareTo(o.get(keyword).decimalValue()) < 0)) {
            found.add(path + ": " + keyword + " " + o.path(keyword).asText("(none)") + " -> " + n.get(keyword).asText());
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 16 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("only local $ref is supported: " + ref);
            }
            current = doc.at(ref.substring(1));
        }
        return current;
    }
}
