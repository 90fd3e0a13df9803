package com.aurouslabs.toolkit.conformance.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aurouslabs.toolkit.openapi.EstimateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite reads the contract through the openapi artifact; AUROUS_SPEC mistakes are one line naming the fix. */
class SpecDocumentTest {

  @Test
  void the_built_in_document_is_the_openapi_artifacts_reading() {
    SpecDocument spec = SpecDocument.classpath();
    EstimateSpec estimate = EstimateSpec.bundled();
    assertThat(spec.estimate()).isSameAs(estimate);
    assertThat(spec.text()).isEqualTo(estimate.text());
    assertThat(spec.requestFields()).isEqualTo(estimate.request().fields());
    assertThat(spec.fieldsCiting("DIM-RANGE")).containsExactly("width", "height");
    assertThat(spec.snapMultiple()).isEqualTo(32);
    assertThat(spec.requestIdPattern().matcher("req_01HZX3W5Q8V2M9K7T6R4N1P0AB").matches()).isTrue();
    assertThat(spec.versions()).contains(spec.defaultVersion());
  }

  @Test
  void no_suite_class_but_the_fixtures_file_reader_parses_yaml() throws Exception {
    // estimate.yaml and rules.yaml are read by the openapi artifact only; the suite's one YAML file is --fixtures
    List<String> readers;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      readers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
        try {
          return Files.readString(f).contains("YAMLFactory");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(f -> f.getFileName().toString()).toList();
    }
    assertThat(readers).containsExactly("FixtureSettings.java");
  }

  @Test
  void a_spec_file_that_is_not_an_openapi_document_is_one_line_naming_aurous_spec(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("notes.yaml"), "title: not a contract\n");
    assertThatThrownBy(() -> SpecDocument.file(file)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("AUROUS_SPEC names " + file + ", which is not an OpenAPI 3.0 document")
        .hasMessageContaining("unset it to use the built-in estimate.yaml").hasMessageNotContaining("\n");
  }

  @Test
  void a_missing_spec_file_is_one_line_naming_aurous_spec(@TempDir Path dir) {
    Path file = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> SpecDocument.file(file)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("AUROUS_SPEC names " + file + ", which cannot be read")
        .hasMessageNotContaining("\n");
  }
}
