package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Where the tests find the contract files: system properties set by surefire, else the module layout. */
final class SpecFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private SpecFiles() {
    }

    /** The spec as edited: src/main/resources/openapi/estimate.yaml. */
    static Path current() {
        return path("openapi.current.spec", "src/main/resources/openapi/estimate.yaml");
    }

    /** The last released copy: released/estimate.yaml. */
    static Path released() {
        return path("openapi.released.spec", "released/estimate.yaml");
    }

    static Path resources() {
        return current().getParent();
    }

    static Path rules() {
        return resources().resolve("rules.yaml");
    }

    static Path vendorSample() {
        return resources().resolve("examples/vendor-sample-request.json");
    }

    static Path reportDir() {
        return path("openapi.diff.reportDir", "target/openapi-diff");
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
