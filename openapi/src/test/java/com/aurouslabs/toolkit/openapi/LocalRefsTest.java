package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class LocalRefsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String text) throws Exception {
        return YAML.readTree(text);
    }

    @Test
    void nested_and_repeated_local_refs_are_inlined_without_touching_the_document() throws Exception {
        JsonNode doc = yaml("""
                components:
                  schemas:
                    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}, c: {$ref: '#/components/schemas/B'}}}
                    B: {type: array, items: {$ref: '#/components/schemas/C'}}
                    C: {type: string, maxLength: 3}
                """);
        JsonNode resolved = new LocalRefs(doc).resolve(doc.at("/components/schemas/A"));
        assertThat(resolved.at("/properties/b/items/maxLength").asInt()).isEqualTo(3);
        assertThat(resolved.at("/properties/c/items/type").asText()).isEqualTo("string");
        assertThat(resolved.toString()).doesNotContain("$ref");
        assertThat(doc.at("/components/schemas/A/properties/b/$ref").asText()).isEqualTo("#/components/schemas/B");
    }

    @Test
    void siblings_of_a_ref_are_ignored_as_in_openapi_3_0() throws Exception {
        JsonNode doc = yaml("""
                s: {$ref: '#/t', nullable: false, description: ignored}
                t: {type: string, nullable: true}
                """);
        assertThat(new LocalRefs(doc).resolve(doc.get("s")).toString()).isEqualTo("{\"type\":\"string\",\"nullable\":true}");
    }

    @Test
    void escaped_pointer_segments_resolve() throws Exception {
        JsonNode doc = yaml("""
                s: {$ref: '#/paths/~1v1~1x/get'}
                paths: {/v1/x: {get: {type: integer}}}
                """);
        assertThat(new LocalRefs(doc).resolve(doc.get("s")).path("type").asText()).isEqualTo("integer");
    }

    @Test
    void cycles_remote_and_dangling_refs_are_errors() throws Exception {
        JsonNode cyclic = yaml("a: {properties: {self: {$ref: '#/a'}}}");
        assertThatThrownBy(() -> new LocalRefs(cyclic).resolve(cyclic.get("a")))
                .hasMessageContaining("recursive $ref #/a");
        JsonNode remote = yaml("a: {$ref: 'other.yaml#/x'}");
        assertThatThrownBy(() -> new LocalRefs(remote).resolve(remote.get("a")))
                .hasMessageContaining("only local references");
        JsonNode dangling = yaml("a: {$ref: '#/nowhere'}");
        assertThatThrownBy(() -> new LocalRefs(dangling).resolve(dangling.get("a")))
                .hasMessageContaining("unresolved $ref #/nowhere");
    }
}
