package com.aurouslabs.toolkit.mock.validation;

import com.aurouslabs.toolkit.mock.ConfigFiles;
import com.aurouslabs.toolkit.mock.StartupException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of estimate.yaml the mock runs on, read once at start-up with Jackson YAML, local {@code $ref}s
 * inlined by {@link LocalRefs}: the request-body schema and the Aurous-Version header schema as Jackson trees, the
 * released versions ({@code info.x-aurous-versions}) and the default version ({@code info.x-aurous-default-version}),
 * and the operation's {@code responses} (status to headers and body schema; the validating proxy judges answers
 * with them).
 */
public record SpecDocument(String source, JsonNode requestBodySchema, JsonNode versionHeaderSchema,
                           List<String> releasedVersions, String defaultVersion, JsonNode responses) {

    /** Classpath location of the spec in the jar {@code com.aurouslabs.toolkit:openapi}. */
    public static final String CLASSPATH_SPEC = "openapi/estimate.yaml";
    public static final String ESTIMATE_PATH = "/v1/images/estimate";
    public static final String VERSION_HEADER = "Aurous-Version";

    private static final String WHAT = "spec file";
    private static final String FIX = "leave out --spec to use the bundled openapi/estimate.yaml";

    /** Decimal bounds stay exact ({@code minimum: 0.1} is a BigDecimal, as the validator compares losslessly). */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * Loads {@code path}, or the classpath spec when it is null.
     *
     * @throws StartupException (one line: the file, the problem, the fix) when it is missing, unreadable, not YAML
     *                          or not an OpenAPI 3.0 document with the estimate operation
     */
    public static SpecDocument load(Path path) {
        if (path == null) {
            return fromClasspath();
        }
        byte[] bytes = ConfigFiles.read(path, WHAT, FIX);
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ConfigFiles.invalid(path, WHAT, e, FIX);
        } catch (IOException e) {
            throw StartupException.configuration(WHAT + " " + path + " cannot be read; " + FIX, e);
        }
        try {
            return parse(root, path.toString());
        } catch (IllegalArgumentException e) {
            // parse() says "spec <source> <problem>": the problem is what the user needs.
            String prefix = "spec " + path + " ";
            String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : "is not usable: " + e.getMessage();
            throw ConfigFiles.invalid(path, WHAT, problem, FIX);
        }
    }

    public static SpecDocument fromClasspath() {
        try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(CLASSPATH_SPEC)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + CLASSPATH_SPEC
                        + " not found (jar com.aurouslabs.toolkit:openapi)");
            }
            return parse(YAML.readTree(in), "classpath:" + CLASSPATH_SPEC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_SPEC, e);
        }
    }

    /** For tests: the spec as text. */
    static SpecDocument parse(String text, String source) {
        try {
            return parse(YAML.readTree(text), source);
        } catch (IOException e) {
            throw new IllegalArgumentException("spec " + source + " does not parse: " + e.getMessage(), e);
        }
    }

    static SpecDocument parse(JsonNode root, String source) {
        if (root == null || !root.isObject() || !root.path("openapi").asText("").startsWith("3.0")) {
            throw new IllegalArgumentException("spec " + source + " is not an OpenAPI 3.0 document");
        }
        LocalRefs refs = new LocalRefs(root);
        JsonNode post = root.path("paths").path(ESTIMATE_PATH).path("post");
        JsonNode requestBody = refs.resolve(post.path("requestBody"));
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        if (post.isMissingNode() || requestBody.isMissingNode()) {
            throw new IllegalArgumentException("spec " + source + " has no POST " + ESTIMATE_PATH + " request body");
        }
        if (!schema.isObject()) {
            throw new IllegalArgumentException("spec " + source + " has no application/json body schema");
        }
        JsonNode body = refs.resolve(schema);
        JsonNode version = null;
        for (JsonNode p : post.path("parameters")) {
            JsonNode parameter = refs.resolve(p);
            if (VERSION_HEADER.equalsIgnoreCase(parameter.path("name").asText())
                    && "header".equals(parameter.path("in").asText()) && parameter.path("schema").isObject()) {
                version = refs.resolve(parameter.path("schema"));
            }
        }
        if (version == null) {
            throw new IllegalArgumentException("spec " + source + " has no Aurous-Version header parameter schema");
        }
        JsonNode info = root.path("info");
        List<String> versions = new ArrayList<>();
        info.path("x-aurous-versions").forEach(v -> versions.add(v.asText()));
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("spec " + source + " lists no info.x-aurous-versions");
        }
        versions.sort(null);
        JsonNode def = info.path("x-aurous-default-version");
        String defaultVersion = def.isValueNode() ? def.asText() : versions.get(versions.size() - 1);
        return new SpecDocument(source, body, version, List.copyOf(versions), defaultVersion,
                refs.resolve(post.path("responses")));
    }
}
