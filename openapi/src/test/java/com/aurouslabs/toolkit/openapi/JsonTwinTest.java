package com.aurouslabs.toolkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON twins the build writes next to estimate.yaml and rules.yaml say exactly what the YAML says, and the
 * catalog's twin reader ({@link CatalogJson}) is as strict as the YAML reader.
 */
class JsonTwinTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void the_bundled_spec_read_from_its_twin_is_the_yaml_document() throws IOException {
        assertThat(resource(EstimateSpec.JSON_TWIN)).as("twin on the class path (built by process-classes)").isNotNull();
        JsonNode yaml = YAML.readTree(resource(EstimateSpec.RESOURCE));
        assertThat(JSON.readTree(resource(EstimateSpec.JSON_TWIN))).isEqualTo(yaml);
        EstimateSpec bundled = EstimateSpec.bundled();
        assertThat(bundled.tree()).isEqualTo(yaml);
        assertThat(bundled.text()).isEqualTo(new String(resource(EstimateSpec.RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8));
        EstimateSpec fromYaml = EstimateSpec.read(bundled.text(), "yaml");
        assertThat(bundled.request()).isEqualTo(fromYaml.request());
        assertThat(bundled.responses()).isEqualTo(fromYaml.responses());
    }

    @Test
    void the_bundled_catalog_read_from_its_twin_is_the_yaml_catalog() throws IOException {
        assertThat(resource(RuleCatalog.JSON_TWIN)).as("twin on the class path (built by process-classes)").isNotNull();
        assertThat(JSON.readTree(resource(RuleCatalog.JSON_TWIN))).isEqualTo(YAML.readTree(resource(RuleCatalog.RESOURCE)));
        RuleCatalog fromTwin = RuleCatalog.load();
        RuleCatalog fromYaml;
        try (InputStream in = resource(RuleCatalog.RESOURCE)) {
            fromYaml = RuleCatalog.read(in);
        }
        assertThat(fromTwin.rules()).isEqualTo(fromYaml.rules());
        assertThat(fromTwin.evaluationOrder()).isEqualTo(fromYaml.evaluationOrder());
        assertThat(fromTwin.alternativeEvaluationOrder()).isEqualTo(fromYaml.alternativeEvaluationOrder());
        assertThat(fromTwin.sources()).isEqualTo(fromYaml.sources());
        assertThat(fromTwin.catalogOnly()).isEqualTo(fromYaml.catalogOnly());
        assertThat(fromTwin.docUrlBase()).isEqualTo(fromYaml.docUrlBase());
        assertThat(fromTwin.catalogVersion()).isEqualTo(fromYaml.catalogVersion());
    }

    @Test
    void a_twin_keeps_decimals_exact_and_types_as_yaml_resolves_them(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("a.yaml");
        Files.writeString(yaml, "minimum: 0.10\nmaximum: 1E+2\ncount: 4\nflag: true\nversion: '2026-05-15'\n"
                + "date: 2026-05-15\nnothing: null\nlist: [1, 2.50, x]\n");
        Path json = dir.resolve("out/a.json");
        JsonTwin.main(new String[] {yaml.toString(), json.toString()});
        assertThat(JSON.readTree(json.toFile())).isEqualTo(YAML.readTree(yaml.toFile()));
        assertThat(Files.readString(json)).contains("\"minimum\":0.10,").contains("2.50").contains("1E+2");
    }

    @Test
    void the_twin_reader_refuses_what_the_yaml_reader_refuses() {
        assertThatThrownBy(() -> catalog("{\"catalog_version\":1,\"rulez\":[]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key 'rulez' in catalog");
        assertThatThrownBy(() -> catalog("{\"rules\":[{\"id\":\"A\",\"tier\":\"maybe\"}]}"))
                .hasMessageContaining("rule A tier must be documented or inferred, not maybe");
        assertThatThrownBy(() -> catalog("{\"rules\":[{\"id\":\"A\",\"outcome\":{\"status\":400,\"colour\":1}}]}"))
                .hasMessageContaining("unknown key 'colour' in rule A outcome");
        assertThatThrownBy(() -> catalog("{\"rules\":[{\"id\":\"A\",\"security\":\"yes\"}]}"))
                .hasMessageContaining("rule A security must be true or false");
        assertThatThrownBy(() -> catalog("{\"rules\":[],\"rules\":[]}")).hasMessageContaining("duplicate key 'rules'");
    }

    private static RuleCatalog.Document catalog(String json) throws IOException {
        return CatalogJson.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static InputStream resource(String name) {
        return JsonTwinTest.class.getClassLoader().getResourceAsStream(name);
    }
}
