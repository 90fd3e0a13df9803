package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Proof that the gate bites: openapi-diff-core (the same version as the openapi-diff-maven plugin) run on
 * deliberately changed copies of estimate.yaml flags breaking changes and lets compatible ones through; where
 * openapi-diff 2.0.1 is blind (numeric bounds, maxItems, removed request properties), {@link RequestTightening}
 * catches the change.
 */
class BreakingChangeDetectionTest {

    private static final String BODY = "/components/schemas/EstimateRequest";

    @TempDir
    Path tmp;

    /** The request-body tightenings of the last {@link #diffAgainst} call. */
    private List<String> lastTightening;

    @Test
    void identical_copy_is_compatible_and_unchanged() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> { });

        assertThat(diff.isIncompatible()).isFalse();
        assertThat(diff.isDifferent()).isFalse();
        assertThat(lastTightening).isEmpty();
    }

    @Test
    void removing_a_response_property_is_breaking() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> {
            ObjectNode estimate = (ObjectNode) spec.at("/components/schemas/Estimate");
            ((ObjectNode) estimate.get("properties")).remove("currency");
            removeFromArray((ArrayNode) estimate.get("required"), "currency");
        });

        assertThat(diff.isIncompatible()).isTrue();
    }

    @Test
    void changing_a_request_property_type_is_breaking() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> ((ObjectNode) spec.at(BODY + "/properties/seed"))
                .put("type", "string").remove("format"));

        assertThat(diff.isIncompatible()).isTrue();
    }

    @Test
    void openapi_diff_misses_tightened_numeric_bounds_so_the_request_check_catches_them() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> ((ObjectNode) spec.at(BODY + "/properties/count"))
                .put("maximum", 3));

        assertThat(diff.isIncompatible()).as("openapi-diff 2.0.1 ignores maximum").isFalse();
        assertThat(lastTightening).containsExactly("body.count: maximum 4 -> 3");
    }

    @Test
    void raising_a_minimum_and_lowering_max_items_are_caught_by_the_request_check() throws IOException {
        diffAgainst(spec -> {
            ((ObjectNode) spec.at(BODY + "/properties/width")).put("minimum", 1100);
            ((ObjectNode) spec.at(BODY + "/properties/reference_image_urls")).put("maxItems", 3);
        });

        assertThat(lastTightening).containsExactlyInAnyOrder(
                "body.width: minimum 1024 -> 1100", "body.reference_image_urls: maxItems 6 -> 3");
    }

    @Test
    void removing_a_request_property_is_caught_by_the_request_check() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> ((ObjectNode) spec.at(BODY + "/properties")).remove("seed"));

        assertThat(diff.isIncompatible()).as("openapi-diff 2.0.1 calls this compatible").isFalse();
        assertThat(lastTightening).containsExactly("body.seed: removed (unknown properties are rejected)");
    }

    @Test
    void loosening_bounds_is_not_a_tightening() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> {
            ((ObjectNode) spec.at(BODY + "/properties/count")).put("maximum", 8);
            ((ObjectNode) spec.at(BODY + "/properties/prompt")).put("maxLength", 8000);
        });

        assertThat(diff.isIncompatible()).isFalse();
        assertThat(lastTightening).isEmpty();
    }

    @Test
    void tightening_a_length_bound_is_breaking() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> ((ObjectNode) spec.at(BODY + "/properties/prompt"))
                .put("maxLength", 2000));

        assertThat(diff.isIncompatible()).isTrue();
        assertThat(lastTightening).containsExactly("body.prompt: maxLength 4000 -> 2000");
    }

    @Test
    void removing_a_size_preset_is_breaking() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec ->
                removeFromArray((ArrayNode) spec.at("/components/schemas/SizePreset/enum"), "4k_21_9"));

        assertThat(diff.isIncompatible()).isTrue();
        assertThat(lastTightening).containsExactly("body.size: enum value \"4k_21_9\" removed");
    }

    @Test
    void a_new_required_request_property_is_breaking() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> {
            ObjectNode body = (ObjectNode) spec.at(BODY);
            ((ObjectNode) body.get("properties")).putObject("style").put("type", "string");
            ((ArrayNode) body.get("required")).add("style");
        });

        assertThat(diff.isIncompatible()).isTrue();
    }

    @Test
    void removing_a_documented_response_is_breaking() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec ->
                ((ObjectNode) spec.at("/paths/~1v1~1images~1estimate/post/responses")).remove("429"));

        assertThat(diff.isIncompatible()).isTrue();
    }

    @Test
    void a_new_optional_request_property_is_compatible_but_reported() throws IOException {
        ChangedOpenApi diff = diffAgainst(spec -> ((ObjectNode) spec.at(BODY + "/properties"))
                .putObject("style").put("type", "string").put("nullable", true));

        assertThat(diff.isDifferent()).isTrue();
        assertThat(diff.isIncompatible()).isFalse();
    }

    /** Diffs the current spec (old) against a copy changed by {@code change} (new). */
    private ChangedOpenApi diffAgainst(Consumer<JsonNode> change) throws IOException {
        JsonNode copy = SpecFiles.readYaml(SpecFiles.current());
        change.accept(copy);
        lastTightening = RequestTightening.between(SpecFiles.readYaml(SpecFiles.current()), copy);
        Path changed = tmp.resolve("estimate-changed.yaml");
        Files.writeString(changed, SpecFiles.YAML.writeValueAsString(copy));
        return OpenApiCompare.fromLocations(SpecFiles.current().toUri().toString(), changed.toUri().toString());
    }

    private static void removeFromArray(ArrayNode array, String value) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (array.get(i).asText().equals(value)) {
                array.remove(i);
            }
        }
    }
}
