package com.aurouslabs.toolkit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of estimate.yaml the mock runs on, taken once at start-up with swagger-parser (parse + resolve
 * fully): the request-body schema and the Aurous-Version header schema as Jackson trees, the released versions
 * ({@code info.x-aurous-versions}) and the default version ({@code info.x-aurous-default-version}).
 */
public record SpecDocument(String source, JsonNode requestBodySchema, JsonNode versionHeaderSchema,
                           List<String> releasedVersions, String defaultVersion) {

    /** Classpath location of the spec in the jar {@code com.aurouslabs.toolkit:openapi}. */
    public static final String CLASSPATH_SPEC = "openapi/estimate.yaml";
    public static final String ESTIMATE_PATH = "/v1/images/estimate";
    public static final String VERSION_HEADER = "Aurous-Version";

    /** Loads {@code path}, or the classpath spec when it is null. */
    public static SpecDocument load(Path path) {
        if (path == null) {
            return fromClasspath();
        }
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + path, e);
        }
    }

    public static SpecDocument fromClasspath() {
        try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(CLASSPATH_SPEC)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + CLASSPATH_SPEC
                        + " not found (jar com.aurouslabs.toolkit:openapi)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + CLASSPATH_SPEC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_SPEC, e);
        }
    }

    static SpecDocument parse(String text, String source) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new IllegalArgumentException("spec " + source + " does not parse: " + result.getMessages());
        }
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(ESTIMATE_PATH);
        Operation post = item == null ? null : item.getPost();
        if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
            throw new IllegalArgumentException("spec " + source + " has no POST " + ESTIMATE_PATH + " request body");
        }
        MediaType json = post.getRequestBody().getContent().get("application/json");
        if (json == null || json.getSchema() == null) {
            throw new IllegalArgumentException("spec " + source + " has no application/json body schema");
        }
        JsonNode body = toTree(json.getSchema());
        JsonNode version = null;
        if (post.getParameters() != null) {
            for (Parameter p : post.getParameters()) {
                Parameter resolved = p;
                if (p.get$ref() != null && api.getComponents() != null && api.getComponents().getParameters() != null) {
                    String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
                    resolved = api.getComponents().getParameters().getOrDefault(name, p);
                }
                if (VERSION_HEADER.equalsIgnoreCase(resolved.getName()) && "header".equals(resolved.getIn())
                        && resolved.getSchema() != null) {
                    version = toTree(resolved.getSchema());
                }
            }
        }
        if (version == null) {
            throw new IllegalArgumentException("spec " + source + " has no Aurous-Version header parameter schema");
        }
        Map<String, Object> ext = api.getInfo() == null ? null : api.getInfo().getExtensions();
        List<String> versions = new ArrayList<>();
        String defaultVersion = null;
        if (ext != null) {
            Object list = ext.get("x-aurous-versions");
            if (list instanceof List<?> l) {
                l.forEach(v -> versions.add(String.valueOf(v)));
            }
            Object def = ext.get("x-aurous-default-version");
            if (def != null) {
                defaultVersion = String.valueOf(def);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("spec " + source + " lists no info.x-aurous-versions");
        }
        versions.sort(null);
        if (defaultVersion == null) {
            defaultVersion = versions.get(versions.size() - 1);
        }
        return new SpecDocument(source, body, version, List.copyOf(versions), defaultVersion);
    }

    @SuppressWarnings("rawtypes")
    private static JsonNode toTree(Schema schema) {
        return Json.mapper().valueToTree(schema);
    }
}
