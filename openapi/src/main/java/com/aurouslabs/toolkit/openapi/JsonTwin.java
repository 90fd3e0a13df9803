package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Build step of openapi and mock-server (exec-maven-plugin, {@code process-classes}):
 * {@code java -cp CLASSPATH com.aurouslabs.toolkit.openapi.JsonTwin IN.yaml OUT.json [IN OUT]...} writes each YAML
 * document as compact JSON, the same tree (decimals exact: {@code 1.50} stays {@code 1.50}, {@code 1E+2} a decimal). The YAML stays
 * the file people edit; its JSON twin under {@code target/classes} lets the bundled contract, catalog and fixtures be
 * read without a YAML parser (Jackson reads JSON several times faster than SnakeYAML, and the mock's default start
 * loads none of SnakeYAML's classes): issue 11 item 7. Tests check that each twin reads back to the same tree. Prints
 * nothing unless it fails. It lives in this artifact so that every module that has the openapi jar on its class path
 * can run it, without reaching into another module's files.
 */
public final class JsonTwin {

    private JsonTwin() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: java -cp CLASSPATH com.aurouslabs.toolkit.openapi.JsonTwin IN.yaml OUT.json [IN.yaml OUT.json]...");
            System.exit(2);
        }
        // Decimals as written (1.50 stays 1.50: a reader binding it to a BigDecimal field sees the same scale).
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        // BigDecimal.toString: 0.10 stays 0.10 and 1E+2 stays a decimal (plain 100 would read back as an integer).
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < args.length; i += 2) {
            Path in = Path.of(args[i]);
            Path out = Path.of(args[i + 1]).toAbsolutePath();
            if (!Files.isRegularFile(in)) {
                System.err.println("JsonTwin: " + in + " does not exist");
                System.exit(1);
            }
            JsonNode tree = yaml.readTree(in.toFile());
            Files.createDirectories(out.getParent());
            Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
            json.writeValue(temporary.toFile(), tree);
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
