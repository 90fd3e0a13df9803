package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in estimate.yaml validates against its schema: the named examples of the request body and of
 * every response (media-type {@code examples}), and every schema-level {@code example} (properties, headers,
 * parameters). Schemas are taken straight from the document (JSON pointers), with the OpenAPI 3.0 dialect of
 * networknt json-schema-validator ({@code nullable}, 3.0 formats).
 */
class ExamplesMatchSchemasTest {

    private static final String OPERATION = "/paths/~1v1~1images~1estimate/post";
    private static final URI SPEC = SpecFiles.current().toUri();
    private static final JsonNode DOC = SpecFiles.readYaml(SpecFiles.current());

    /**
     * The OpenAPI 3.0 dialect, plus the top-level fields of an OpenAPI document as non-validating keywords: the
     * schemas are addressed inside the document ({@code estimate.yaml#/components/...}), so the validator reads
     * the document root as a schema resource and would warn about each of these as an unknown keyword.
     */
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(OpenApi30.getInstance())
            .keywords(Stream.of("openapi", "info", "servers", "tags", "security", "paths", "components",
                    "externalDocs").map(NonValidationKeyword::new).toList())
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(DIALECT).defaultMetaSchemaIri(DIALECT.getIri()));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .nullableKeywordEnabled(true)
            .formatAssertionsEnabled(true)
            .build();

    /** One example and the JSON pointer of the schema it must satisfy. */
    record Case(String examplePointer, String schemaPointer, JsonNode value) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        walk(DOC, "", cases);
        return cases;
    }

    static Set<ValidationMessage> validate(String schemaPointer, JsonNode value) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(SPEC + "#" + schemaPointer), CONFIG);
        return schema.validate(value);
    }

    @TestFactory
    Stream<DynamicTest> every_example_validates_against_its_schema() {
        return cases().stream().map(c -> dynamicTest(c.examplePointer(), () ->
                assertThat(validate(c.schemaPointer(), c.value()))
                        .as("%s against %s", c.examplePointer(), c.schemaPointer())
                        .isEmpty()));
    }

    @Test
    void request_body_and_every_response_with_content_have_examples() {
        List<Case> cases = cases();
        assertThat(cases).filteredOn(c -> c.examplePointer().startsWith(OPERATION + "/requestBody/"))
                .hasSizeGreaterThanOrEqualTo(4);

        JsonNode responses = DOC.at(OPERATION + "/responses");
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String pointer = response.getValue().has("$ref")
                    ? response.getValue().get("$ref").asText().substring(1)
                    : OPERATION + "/responses/" + response.getKey();
            assertThat(cases)
                    .as("examples of response %s (%s)", response.getKey(), pointer)
                    .anyMatch(c -> c.examplePointer().startsWith(pointer + "/content/")
                            && c.examplePointer().contains("/examples/"));
        }
    }

    @Test
    void validator_is_wired_it_rejects_an_out_of_range_width_and_an_unknown_field() {
        String bodySchema = OPERATION + "/requestBody/content/application~1json/schema";
        ObjectNode body = SpecFiles.JSON.createObjectNode().put("prompt", "a cat").put("width", 512)
                .put("height", 1024);
        assertThat(validate(bodySchema, body)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("1024"));

        ObjectNode unknown = SpecFiles.JSON.createObjectNode().put("prompt", "a cat").put("prompt_strength", 1);
        assertThat(validate(bodySchema, unknown)).isNotEmpty();

        ObjectNode nulls = SpecFiles.JSON.createObjectNode().put("prompt", "a cat").putNull("width")
                .putNull("seed");
        assertThat(validate(bodySchema, nulls)).as("explicit nulls on nullable fields").isEmpty();
    }

    private static void walk(JsonNode node, String pointer, List<Case> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, out);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean mediaType = node.has("schema") && pointer.matches(".*/content/[^/]+");
        if (mediaType) {
            String schemaPointer = pointer + "/schema";
            JsonNode examples = node.path("examples");
            for (Map.Entry<String, JsonNode> example : examples.properties()) {
                out.add(new Case(pointer + "/examples/" + escape(example.getKey()), schemaPointer,
                        example.getValue().get("value")));
            }
            if (node.has("example")) {
                out.add(new Case(pointer + "/example", schemaPointer, node.get("example")));
            }
            walk(node.get("schema"), schemaPointer, out);
            return;
        }
        if (isSchema(node) && node.has("example")) {
            out.add(new Case(pointer + "/example", pointer, node.get("example")));
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                walk(field.getValue(), pointer + "/" + escape(field.getKey()), out);
            }
        }
    }

    private static boolean isSchema(JsonNode node) {
        return node.has("type") || node.has("$ref") || node.has("enum") || node.has("properties");
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
