package com.aurouslabs.toolkit.mock.validation;

import com.aurouslabs.toolkit.mock.ConfigFiles;
import com.aurouslabs.toolkit.openapi.ContractException;
import com.aurouslabs.toolkit.openapi.EstimateSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The parts of estimate.yaml the mock runs on, taken from the openapi artifact's one reader ({@link EstimateSpec}:
 * the bundled document, or the {@code --spec} file read through it): the request-body schema and the Aurous-Version
 * header schema as Jackson trees (local {@code $ref}s inlined), the released versions
 * ({@code info.x-aurous-versions}) and the default version ({@code info.x-aurous-default-version}), and the
 * operation's {@code responses} (status to headers and body schema; the validating proxy judges answers with them).
 * The trees are the mock's own copies: nothing changes them (a reading's schema changes work on a copy).
 */
public record SpecDocument(String source, JsonNode requestBodySchema, JsonNode versionHeaderSchema,
                           List<String> releasedVersions, String defaultVersion, JsonNode responses) {

    /** Classpath location of the spec in the jar {@code com.aurouslabs.toolkit:openapi}. */
    public static final String CLASSPATH_SPEC = EstimateSpec.RESOURCE;
    public static final String ESTIMATE_PATH = EstimateSpec.PATH;
    public static final String VERSION_HEADER = EstimateSpec.VERSION_HEADER;

    private static final String WHAT = "spec file";
    private static final String FIX = "leave out --spec to use the bundled openapi/estimate.yaml";

    /**
     * The spec of the openapi jar, taken once per JVM (like the catalog): every server started without a spec file
     * shares it.
     */
    public static SpecDocument bundled() {
        return Bundled.SPEC;
    }

    /** Holder idiom: built on first use, once; the field is final and nothing changes the value. */
    private static final class Bundled {
        static final SpecDocument SPEC = of(EstimateSpec.bundled());
    }

    /** The mock's view of a spec read by the openapi artifact. */
    public static SpecDocument of(EstimateSpec spec) {
        return new SpecDocument(spec.source(), spec.request().schema(), spec.versionHeader().schema(),
                spec.apiVersions(), spec.defaultApiVersion(), spec.responsesTree());
    }

    /**
     * Loads {@code path} through {@link EstimateSpec}, or the bundled spec when it is null.
     *
     * @throws com.aurouslabs.toolkit.mock.StartupException (one line: the file, the problem, the fix) when it is
     *                          missing, unreadable, not YAML or not an OpenAPI 3.0 document with the estimate operation
     */
    public static SpecDocument load(Path path) {
        if (path == null) {
            return bundled();
        }
        byte[] bytes = ConfigFiles.read(path, WHAT, FIX);
        try {
            return of(EstimateSpec.read(new String(bytes, StandardCharsets.UTF_8), path.toString()));
        } catch (ContractException e) {
            if (e.getCause() instanceof JsonProcessingException parse) {
                throw ConfigFiles.invalid(path, WHAT, parse, FIX);
            }
            throw ConfigFiles.invalid(path, WHAT, e.problem(), FIX);
        }
    }
}
