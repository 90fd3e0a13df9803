package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Edits on an in-memory copy of the spec for the gate's tests. Every edit finds its target in the document it is
 * given (the first request property with a {@code maximum}, ...) and the tests compute the expected finding from
 * the value they found, so a legitimate edit of estimate.yaml (a new bound, a removed property, a released 2.0.0)
 * never invalidates a test case.
 */
final class SpecEdits {

    private SpecEdits() {
    }

    static JsonNode read(Path spec) {
        return SpecFiles.readYaml(spec);
    }

    static Path write(JsonNode doc, Path file) {
        try {
            Files.writeString(file, SpecFiles.YAML.writeValueAsString(doc));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The request-body schema of the estimate operation, $ref resolved. */
    static ObjectNode requestBody(JsonNode doc) {
        return (ObjectNode) resolve(doc, doc.at(RequestTightening.BODY_SCHEMA));
    }

    /** The first request property whose schema ($ref resolved) satisfies {@code test}; fails when none does. */
    static String requestPropertyWhere(JsonNode doc, String what, Predicate<JsonNode> test) {
        for (Map.Entry<String, JsonNode> property : requestBody(doc).path("properties").properties()) {
            if (test.test(resolve(doc, property.getValue()))) {
                return property.getKey();
            }
        }
        throw new AssertionError("the spec has no request property with " + what + "; choose another case");
    }

    /** {@code preferred} when it satisfies {@code test}, else the first request property that does. */
    static String requestPropertyWhere(JsonNode doc, String preferred, String what, Predicate<JsonNode> test) {
        JsonNode schema = requestBody(doc).path("properties").path(preferred);
        return !schema.isMissingNode() && test.test(resolve(doc, schema)) ? preferred
                : requestPropertyWhere(doc, what, test);
    }

    /** The schema of request property {@code name}, $ref resolved (so an edit changes the shared component). */
    static ObjectNode requestProperty(JsonNode doc, String name) {
        JsonNode schema = resolve(doc, requestBody(doc).path("properties").path(name));
        assertThat(schema.isObject()).as("request property %s", name).isTrue();
        return (ObjectNode) schema;
    }

    static boolean isInteger(JsonNode schema) {
        return "integer".equals(schema.path("type").asText());
    }

    static String version(JsonNode doc) {
        return doc.at("/info/version").asText();
    }

    static void setVersion(JsonNode doc, String version) {
        ((ObjectNode) doc.get("info")).put("version", version);
    }

    /** {@code 1.4.2 -> 2.0.0}. */
    static String nextMajor(String version) {
        int[] v = ReleaseGate.semver(version);
        return (v[0] + 1) + ".0.0";
    }

    /** {@code 1.4.2 -> 1.5.0}. */
    static String nextMinor(String version) {
        int[] v = ReleaseGate.semver(version);
        return v[0] + "." + (v[1] + 1) + ".0";
    }

    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 16 && current.has("$ref"); depth++) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
