package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of estimate.yaml gives the document's data as written: bounds, enums, citations, responses. */
class EstimateSpecTest {

    private final EstimateSpec spec = EstimateSpec.bundled();

    @Test
    void request_properties_carry_type_bounds_enum_pattern_and_max_items() {
        RequestSchema request = spec.request();
        assertThat(request.required()).containsExactly("prompt");
        assertThat(request.additionalPropertiesAllowed()).isFalse();
        assertThat(request.fields()).startsWith("prompt").contains("width", "size", "reference_image_urls");
        assertThat(request.optionalFields()).doesNotContain("prompt").contains("width");

        SchemaProperty count = request.property("count");
        assertThat(count.type()).isEqualTo("integer");
        assertThat(count.minimum()).isEqualByComparingTo("1");
        assertThat(count.maximum()).isEqualByComparingTo("4");
        assertThat(count.nullable()).isTrue();
        assertThat(request.property("guidance_scale").minimum()).isEqualByComparingTo("0.1");
        assertThat(request.property("guidance_scale").minimum().toPlainString()).isEqualTo("0.1");
        assertThat(request.property("prompt").minLength()).isEqualTo(1);
        assertThat(request.property("prompt").maxLength()).isEqualTo(4000);
        assertThat(request.property("prompt").bounded()).isFalse();
        assertThat(request.property("size").enumValues()).hasSize(16).startsWith("2k_1_1").doesNotContainNull();
        assertThat(request.property("webhook_url").pattern()).startsWith("^[Hh][Tt][Tt][Pp][Ss]://");

        SchemaProperty refs = request.property("reference_image_urls");
        assertThat(refs.type()).isEqualTo("array");
        assertThat(refs.maxItems()).isEqualTo(6);
        assertThat(refs.items().maxLength()).isEqualTo(2048);
        assertThat(refs.items().pattern()).contains("file_");
        assertThat(refs.example()).isPresent();
        assertThat(request.has("quality")).isFalse();
        assertThatThrownBy(() -> request.property("quality")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("quality");
    }

    @Test
    void a_property_names_the_rules_its_description_cites() {
        assertThat(spec.request().property("width").citedRules())
                .containsExactly("DIM-RANGE", "DIM-SNAP-32", "DIM-PAIR", "SIZE-XOR-DIMS", "BODY-INTEGER");
        assertThat(spec.request().fieldsCiting("DIM-RANGE")).containsExactly("width", "height");
        // size is a $ref: the cited rules come from the schema it points to
        assertThat(spec.request().property("size").citedRules()).contains("SIZE-ENUM", "SIZE-XOR-DIMS");
        assertThat(spec.request().property("seed").citedRules()).containsExactly("SEED-RANGE");
    }

    @Test
    void responses_give_statuses_required_headers_and_body_schemas() {
        assertThat(spec.statuses()).startsWith(200).contains(400, 401, 404, 413, 429, 500, 502, 503, 504);
        ResponseSpec tooMany = spec.response(429).orElseThrow();
        assertThat(tooMany.requiredHeaders()).contains("Retry-After", "Aurous-Request-Id");
        assertThat(tooMany.headers().get("Retry-After").citedRules()).containsExactly("RATE-LIMIT-BUCKET");
        assertThat(tooMany.headers().get("Retry-After").schema().type()).isEqualTo("integer");
        assertThat(spec.response(200).orElseThrow().bodySchema().at("/properties/estimated_cost").isObject())
                .isTrue();
        assertThat(spec.responseHeader("aurous-request-id").orElseThrow().schema().pattern())
                .isEqualTo("^req_[0-9A-Za-z]{20,40}$");
        assertThat(spec.response(418)).isEmpty();
        assertThat(spec.responsesTree().has("200")).isTrue();
    }

    @Test
    void info_gives_the_document_version_and_the_released_api_versions() {
        assertThat(spec.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(spec.apiVersions()).isNotEmpty().contains(spec.defaultApiVersion());
        assertThat(spec.versionHeader().name()).isEqualTo(EstimateSpec.VERSION_HEADER);
        assertThat(spec.versionHeader().type()).isEqualTo("string");
        assertThat(spec.versionHeader().pattern()).isEqualTo("^\\d{4}-\\d{2}-\\d{2}$");
        assertThat(spec.versionHeader().citedRules()).contains("VERSION-DEFAULT", "VERSION-PATTERN");
    }

    @Test
    void the_bundled_document_is_read_once_and_trees_handed_out_are_copies() {
        assertThat(EstimateSpec.bundled()).isSameAs(spec);
        assertThat(spec.source()).isEqualTo("classpath:" + EstimateSpec.RESOURCE);
        ((ObjectNode) spec.request().schema().path("properties").path("count")).put("maximum", 99);
        ((ObjectNode) spec.request().property("count").schema()).put("maximum", 99);
        ((ObjectNode) spec.tree().path("info")).put("version", "9.9.9");
        ((ObjectNode) spec.responsesTree()).remove("200");
        assertThat(spec.request().schema().at("/properties/count/maximum").asInt()).isEqualTo(4);
        assertThat(spec.request().property("count").schema().path("maximum").asInt()).isEqualTo(4);
        assertThat(spec.tree().at("/info/version").asText()).isEqualTo(spec.version());
        assertThat(spec.responsesTree().has("200")).isTrue();
        assertThatThrownBy(() -> spec.responses().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_file_is_read_as_the_same_document(@TempDir Path dir) throws Exception {
        assertThat(EstimateSpec.load(SpecFiles.current()).text()).isEqualTo(spec.text());
        Path edited = Files.writeString(dir.resolve("estimate.yaml"),
                spec.text().replace("          maxItems: 6\n", "          maxItems: 2\n"));
        EstimateSpec copy = EstimateSpec.load(edited);
        assertThat(copy.request().property("reference_image_urls").maxItems()).isEqualTo(2);
        assertThat(copy.source()).isEqualTo(edited.toString());
        assertThat(spec.request().property("reference_image_urls").maxItems()).isEqualTo(6);
    }

    @Test
    void a_document_that_is_not_the_estimate_contract_is_refused_in_one_line(@TempDir Path dir) {
        assertThatThrownBy(() -> EstimateSpec.read("openapi: 3.1.0\n", "v31.yaml"))
                .isInstanceOf(ContractException.class).hasMessage("spec v31.yaml is not an OpenAPI 3.0 document");
        assertThatThrownBy(() -> EstimateSpec.read("openapi: 3.0.3\npaths: {}\n", "x"))
                .hasMessage("spec x has no POST /v1/images/estimate request body");
        String noVersions = spec.text().replace("  x-aurous-versions:\n    - '2026-05-15'\n", "");
        assertThat(noVersions).isNotEqualTo(spec.text());
        assertThatThrownBy(() -> EstimateSpec.read(noVersions, "x"))
                .isInstanceOfSatisfying(ContractException.class,
                        e -> assertThat(e.problem()).isEqualTo("lists no info.x-aurous-versions"));
        assertThatThrownBy(() -> EstimateSpec.read("openapi: [3.0\n", "bad.yaml"))
                .isInstanceOf(ContractException.class).hasCauseInstanceOf(JsonProcessingException.class)
                .hasMessageStartingWith("spec bad.yaml does not parse: ");
        assertThatThrownBy(() -> EstimateSpec.load(dir.resolve("absent.yaml")))
                .isInstanceOf(ContractException.class).hasMessageContaining("cannot be read");
    }
}
