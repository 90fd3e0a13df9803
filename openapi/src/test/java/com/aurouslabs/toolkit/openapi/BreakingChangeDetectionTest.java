package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Proof that the gate bites: openapi-diff-core (the same version as the openapi-diff-maven plugin) run on
 * deliberately changed copies of estimate.yaml flags breaking changes and lets compatible ones through; where
 * openapi-diff 2.0.1 is blind (numeric bounds, maxItems, removed request properties), {@link RequestTightening}
 * catches the change, and {@link IncompatibleChanges} names what openapi-diff found.
 *
 * <p>Each case finds its target in the spec as it is now (the first integer request property with a maximum, the
 * first enum, ...) and expects the finding computed from the value it found, so a legitimate edit of the spec
 * (count's maximum 4 -> 3 in a 2.0.0, say) never invalidates a case.
 */
class BreakingChangeDetectionTest {

    private static final String OPERATION = "/paths/~1v1~1images~1estimate/post";

    @TempDir
    Path tmp;

    /** The request-body tightenings and the named openapi-diff incompatibilities of the last {@link #diff} call. */
    private List<String> lastTightening;
    private List<String> lastIncompatible;

    @Test
    void identical_copy_is_compatible_and_unchanged() {
        ChangedOpenApi diff = diff(spec -> { });

        assertThat(diff.isIncompatible()).isFalse();
        assertThat(diff.isDifferent()).isFalse();
        assertThat(lastTightening).isEmpty();
    }

    @Test
    void removing_a_response_property_is_breaking() {
        JsonNode base = base();
        ObjectNode estimate = (ObjectNode) SpecEdits.resolve(base,
                base.at(OPERATION + "/responses/200/content/application~1json/schema"));
        String property = estimate.path("required").get(0).asText();

        ChangedOpenApi diff = diff(spec -> {
            ObjectNode schema = (ObjectNode) SpecEdits.resolve(spec,
                    spec.at(OPERATION + "/responses/200/content/application~1json/schema"));
            ((ObjectNode) schema.get("properties")).remove(property);
            removeFromArray((ArrayNode) schema.get("required"), property);
        });

        assertThat(diff.isIncompatible()).isTrue();
        assertThat(lastIncompatible).contains("response 200 body." + property + ": removed");
    }

    @Test
    void changing_a_request_property_type_is_breaking() {
        String property = SpecEdits.requestPropertyWhere(base(), "type integer", SpecEdits::isInteger);

        ChangedOpenApi diff = diff(spec -> SpecEdits.requestProperty(spec, property)
                .put("type", "string").remove(List.of("format", "minimum", "maximum")));

        assertThat(diff.isIncompatible()).isTrue();
        assertThat(lastTightening).contains("body." + property + ": type integer -> string");
        assertThat(lastIncompatible).anyMatch(s -> s.startsWith("body." + property + ": type integer"));
    }

    @Test
    void openapi_diff_misses_a_lowered_maximum_so_the_request_check_catches_it() {
        String property = SpecEdits.requestPropertyWhere(base(), "an integer maximum",
                s -> SpecEdits.isInteger(s) && s.has("maximum"));
        long max = SpecEdits.requestProperty(base(), property).get("maximum").asLong();

        ChangedOpenApi diff = diff(spec -> SpecEdits.requestProperty(spec, property).put("maximum", max - 1));

        assertThat(diff.isIncompatible()).as("openapi-diff 2.0.1 ignores maximum").isFalse();
        assertThat(lastTightening).containsExactly("body." + property + ": maximum " + max + " -> " + (max - 1));
    }

    @Test
    void raising_a_minimum_and_lowering_max_items_are_caught_by_the_request_check() {
        JsonNode base = base();
        String bounded = SpecEdits.requestPropertyWhere(base, "an integer minimum",
                s -> SpecEdits.isInteger(s) && s.has("minimum"));
        String list = SpecEdits.requestPropertyWhere(base, "maxItems", s -> s.path("maxItems").asInt() > 1);
        long min = SpecEdits.requestProperty(base, bounded).get("minimum").asLong();
        int maxItems = SpecEdits.requestProperty(base, list).get("maxItems").asInt();

        diff(spec -> {
            SpecEdits.requestProperty(spec, bounded).put("minimum", min + 1);
            SpecEdits.requestProperty(spec, list).put("maxItems", maxItems - 1);
        });

        assertThat(lastTightening).containsExactlyInAnyOrder(
                "body." + bounded + ": minimum " + min + " -> " + (min + 1),
                "body." + list + ": maxItems " + maxItems + " -> " + (maxItems - 1));
    }

    @Test
    void removing_a_request_property_is_caught_by_the_request_check() {
        JsonNode base = base();
        assertThat(SpecEdits.requestBody(base).path("additionalProperties").asBoolean(true))
                .as("the request body rejects unknown properties (additionalProperties: false)").isFalse();
        Set<String> required = new HashSet<>();
        SpecEdits.requestBody(base).path("required").forEach(r -> required.add(r.asText()));
        String property = SpecEdits.requestBody(base).get("properties").properties().stream()
                .map(Map.Entry::getKey).filter(name -> !required.contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the request body has no optional property"));

        ChangedOpenApi diff = diff(spec -> ((ObjectNode) SpecEdits.requestBody(spec).get("properties")).remove(property));

        assertThat(diff.isIncompatible()).as("openapi-diff 2.0.1 calls this compatible").isFalse();
        assertThat(lastTightening).containsExactly("body." + property + ": removed (unknown properties are rejected)");
    }

    @Test
    void loosening_bounds_is_not_a_tightening() {
        JsonNode base = base();
        String bounded = SpecEdits.requestPropertyWhere(base, "an integer maximum",
                s -> SpecEdits.isInteger(s) && s.has("maximum"));
        String text = SpecEdits.requestPropertyWhere(base, "maxLength", s -> s.has("maxLength"));
        long max = SpecEdits.requestProperty(base, bounded).get("maximum").asLong();
        int maxLength = SpecEdits.requestProperty(base, text).get("maxLength").asInt();

        ChangedOpenApi diff = diff(spec -> {
            SpecEdits.requestProperty(spec, bounded).put("maximum", max + 4);
            SpecEdits.requestProperty(spec, text).put("maxLength", maxLength * 2);
        });

        assertThat(diff.isIncompatible()).isFalse();
        assertThat(lastTightening).isEmpty();
    }

    @Test
    void tightening_a_length_bound_is_breaking() {
        String text = SpecEdits.requestPropertyWhere(base(), "maxLength", s -> s.path("maxLength").asInt() > 1);
        int maxLength = SpecEdits.requestProperty(base(), text).get("maxLength").asInt();

        ChangedOpenApi diff = diff(spec -> SpecEdits.requestProperty(spec, text).put("maxLength", maxLength / 2));

        assertThat(diff.isIncompatible()).isTrue();
        String expected = "body." + text + ": maxLength " + maxLength + " -> " + (maxLength / 2);
        assertThat(lastTightening).containsExactly(expected);
        assertThat(lastIncompatible).contains(expected);
    }

    @Test
    void removing_an_enum_value_is_breaking() {
        String property = SpecEdits.requestPropertyWhere(base(), "an enum", s -> s.path("enum").size() > 1);
        JsonNode values = SpecEdits.requestProperty(base(), property).get("enum");
        String last = values.get(values.size() - 1).asText();

        ChangedOpenApi diff = diff(spec ->
                removeFromArray((ArrayNode) SpecEdits.requestProperty(spec, property).get("enum"), last));

        assertThat(diff.isIncompatible()).isTrue();
        String expected = "body." + property + ": enum value \"" + last + "\" removed";
        assertThat(lastTightening).containsExactly(expected);
        assertThat(lastIncompatible).contains(expected);
    }

    @Test
    void a_new_required_request_property_is_breaking() {
        ChangedOpenApi diff = diff(spec -> {
            ObjectNode body = SpecEdits.requestBody(spec);
            ((ObjectNode) body.get("properties")).putObject("gate_probe").put("type", "string");
            body.withArray("required").add("gate_probe");
        });

        assertThat(diff.isIncompatible()).isTrue();
        assertThat(lastTightening).contains("body: gate_probe became required");
        assertThat(lastIncompatible).contains("body: gate_probe became required");
    }

    @Test
    void removing_a_documented_response_is_breaking() {
        String status = null;
        for (Map.Entry<String, JsonNode> response : base().at(OPERATION + "/responses").properties()) {
            String code = response.getKey();
            if (!code.startsWith("2")) {
                status = code;
                break;
            }
        }
        assertThat(status).as("the operation documents an error response").isNotNull();
        String removed = status;

        ChangedOpenApi diff = diff(spec -> ((ObjectNode) spec.at(OPERATION + "/responses")).remove(removed));

        assertThat(diff.isIncompatible()).isTrue();
        assertThat(lastIncompatible).contains("response " + removed + ": removed");
    }

    @Test
    void a_new_optional_request_property_is_compatible_but_reported() {
        ChangedOpenApi diff = diff(spec -> ((ObjectNode) SpecEdits.requestBody(spec).get("properties"))
                .putObject("gate_probe").put("type", "string").put("nullable", true));

        assertThat(diff.isDifferent()).isTrue();
        assertThat(diff.isIncompatible()).isFalse();
        assertThat(lastTightening).isEmpty();
    }

    private static JsonNode base() {
        return SpecEdits.read(SpecFiles.current());
    }

    /** Diffs the current spec (old) against a copy changed by {@code change} (new). */
    private ChangedOpenApi diff(Consumer<JsonNode> change) {
        JsonNode copy = base();
        change.accept(copy);
        lastTightening = RequestTightening.between(base(), copy);
        Path changed = SpecEdits.write(copy, tmp.resolve("estimate-changed.yaml"));
        ChangedOpenApi diff = OpenApiCompare.fromLocations(SpecFiles.current().toUri().toString(),
                changed.toUri().toString());
        lastIncompatible = IncompatibleChanges.of(diff);
        return diff;
    }

    private static void removeFromArray(ArrayNode array, String value) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (array.get(i).asText().equals(value)) {
                array.remove(i);
            }
        }
    }
}
