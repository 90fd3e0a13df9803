package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI document {@code estimate.yaml}, read: its text (for tools that parse it themselves, such as an
 * OpenAPI request/response validator) and a parsed view of what the mock and the conformance suite run on, the
 * request-body schema property by property, the {@code Aurous-Version} header, the documented responses with their
 * headers and body schemas, {@code info.version} and the released API versions. Data only: what a schema keyword
 * means for a request is decided by the code that holds the rule, not here.
 *
 * <p>Immutable: every tree handed out is a copy. {@link #bundled()} is the document in this jar, read once per JVM
 * (a final, immutable value in a holder class); {@link #load(Path)} and {@link #read(String, String)} read another
 * copy (the mock's {@code --spec FILE}, the suite's {@code AUROUS_SPEC}).
 *
 * <pre>{@code
 * EstimateSpec spec = EstimateSpec.bundled();
 * SchemaProperty width = spec.request().property("width");
 * width.minimum();                         // 1024
 * width.citedRules();                      // [DIM-RANGE, DIM-SNAP-32, DIM-PAIR, SIZE-XOR-DIMS, BODY-INTEGER]
 * spec.request().fieldsCiting("DIM-RANGE"); // [width, height]
 * spec.response(429).orElseThrow().requiredHeaders();
 * }</pre>
 */
public final class EstimateSpec {

    /** Classpath location of the document in this jar. */
    public static final String RESOURCE = "openapi/estimate.yaml";
    /** The path of the one operation. */
    public static final String PATH = "/v1/images/estimate";
    /** The version request header, a parameter of the operation. */
    public static final String VERSION_HEADER = "Aurous-Version";

    /**
     * The same document as JSON, written next to it at build time ({@link JsonTwin}): the bundled
     * document's tree is read from it, several times faster than from the YAML, which stays its text.
     */
    static final String JSON_TWIN = "openapi/estimate.json";

    /** Decimal bounds stay exact ({@code minimum: 0.1} is a BigDecimal). An ObjectReader is immutable. */
    private static final ObjectReader JSON = new ObjectMapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String text;
    private final String source;
    private final JsonNode root;
    private final String version;
    private final List<String> apiVersions;
    private final String defaultApiVersion;
    private final RequestSchema request;
    private final SchemaProperty versionHeader;
    private final JsonNode responsesTree;
    private final Map<Integer, ResponseSpec> responses;

    private EstimateSpec(String text, String source, JsonNode root) {
        if (root == null || !root.isObject() || !root.path("openapi").asText("").startsWith("3.0")) {
            throw new ContractException(source, "is not an OpenAPI 3.0 document", null);
        }
        this.text = text;
        this.source = source;
        this.root = root;
        LocalRefs refs = new LocalRefs(root);
        try {
            JsonNode post = root.path("paths").path(PATH).path("post");
            JsonNode requestBody = refs.resolve(post.path("requestBody"));
            if (post.isMissingNode() || requestBody.isMissingNode()) {
                throw new ContractException(source, "has no POST " + PATH + " request body", null);
            }
            JsonNode schema = requestBody.path("content").path("application/json").path("schema");
            if (!schema.isObject()) {
                throw new ContractException(source, "has no application/json body schema", null);
            }
            this.request = request(refs.resolve(schema), schema, refs);
            this.versionHeader = versionHeader(post, refs, source);
            JsonNode info = root.path("info");
            this.version = info.path("version").asText(null);
            List<String> versions = new ArrayList<>();
            info.path("x-aurous-versions").forEach(v -> versions.add(v.asText()));
            if (versions.isEmpty()) {
                throw new ContractException(source, "lists no info.x-aurous-versions", null);
            }
            versions.sort(null);
            this.apiVersions = List.copyOf(versions);
            JsonNode def = info.path("x-aurous-default-version");
            this.defaultApiVersion = def.isValueNode() ? def.asText() : versions.get(versions.size() - 1);
            this.responsesTree = refs.resolve(post.path("responses"));
            this.responses = responses(responsesTree);
        } catch (ContractException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // LocalRefs: a remote, recursive or dangling $ref
            throw new ContractException(source, "is not usable: " + e.getMessage(), e);
        }
    }

    /**
     * The document in this jar ({@value #RESOURCE}), read once per JVM and shared: it is immutable, and every tree it
     * hands out is a copy.
     */
    public static EstimateSpec bundled() {
        return Bundled.SPEC;
    }

    /** Holder idiom: the bundled document is read on first use, once; the field is final and the value immutable. */
    private static final class Bundled {
        static final EstimateSpec SPEC = fromClasspath();
    }

    private static EstimateSpec fromClasspath() {
        ClassLoader loader = EstimateSpec.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE); InputStream twin = loader.getResourceAsStream(JSON_TWIN)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE
                        + " is not on the classpath (jar com.aurouslabs.toolkit:openapi)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String source = "classpath:" + RESOURCE;
            // Without the twin (a class path that skipped the build step) the YAML is parsed.
            return twin == null ? read(text, source) : new EstimateSpec(text, source, JSON.readTree(twin));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a document from a file (a newer or extended contract, checked without a rebuild).
     *
     * @throws ContractException when the file cannot be read or is not a usable estimate document
     */
    public static EstimateSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContractException(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        return read(text, file.toString());
    }

    /**
     * Reads a document from its YAML text.
     *
     * @param source where it came from, for messages and {@link #source()}
     * @throws ContractException when it is not YAML (the cause is the parser's {@link JsonProcessingException}), not
     *                           an OpenAPI 3.0 document, or lacks the estimate operation, its JSON request body, the
     *                           Aurous-Version header parameter or {@code info.x-aurous-versions}
     */
    public static EstimateSpec read(String yaml, String source) {
        JsonNode root;
        try {
            root = Yaml.READER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ContractException(source, "does not parse: " + e.getOriginalMessage(), e);
        }
        return new EstimateSpec(yaml, source, root);
    }

    /** The YAML reader, created on first use: the bundled document does not need it (Holder idiom). */
    private static final class Yaml {
        static final ObjectReader READER = new ObjectMapper(new YAMLFactory()).reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The document as text, exactly as read. */
    public String text() {
        return text;
    }

    /** Where it was read from: {@code classpath:openapi/estimate.yaml} or a file path. */
    public String source() {
        return source;
    }

    /** The whole document as written ({@code $ref}s kept): a copy. */
    public JsonNode tree() {
        return root.deepCopy();
    }

    /** {@code info.version}: the version of this contract document ({@code 1.0.1}), not an API version. */
    public String version() {
        return version;
    }

    /** The released API versions ({@code info.x-aurous-versions}), oldest first. */
    public List<String> apiVersions() {
        return apiVersions;
    }

    /** {@code info.x-aurous-default-version}, or the newest released version when the document sets none. */
    public String defaultApiVersion() {
        return defaultApiVersion;
    }

    /** The {@code application/json} request-body schema of the operation. */
    public RequestSchema request() {
        return request;
    }

    /**
     * The {@value #VERSION_HEADER} header parameter: its schema as data, with the parameter's description and the
     * rules it cites.
     */
    public SchemaProperty versionHeader() {
        return versionHeader;
    }

    /** The documented responses by status, in document order. */
    public Map<Integer, ResponseSpec> responses() {
        return responses;
    }

    /** The documented statuses of the operation, in document order. */
    public List<Integer> statuses() {
        return List.copyOf(responses.keySet());
    }

    public Optional<ResponseSpec> response(int status) {
        return Optional.ofNullable(responses.get(status));
    }

    /** A response header as the first response that declares it documents it (name matched ignoring case). */
    public Optional<ResponseSpec.Header> responseHeader(String name) {
        return responses.values().stream().flatMap(r -> r.headers().values().stream())
                .filter(h -> h.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The operation's {@code responses} object, local {@code $ref}s inlined, as a tree (a copy): for validators that
     * compile the body and header schemas themselves. Keys are the document's ({@code "200"}, {@code "400"}, ...).
     */
    public JsonNode responsesTree() {
        return responsesTree.deepCopy();
    }

    @Override
    public String toString() {
        return "EstimateSpec[" + source + ", version " + version + "]";
    }

    private static RequestSchema request(JsonNode resolved, JsonNode written, LocalRefs refs) {
        JsonNode writtenTarget = written;
        // The properties as written (before inlining) keep the descriptions beside a $ref.
        for (int i = 0; i < 16 && writtenTarget.has("$ref"); i++) {
            writtenTarget = refs.target(writtenTarget.get("$ref").asText());
        }
        List<SchemaProperty> properties = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            properties.add(SchemaProperty.of(e.getKey(), writtenTarget.path("properties").path(e.getKey()),
                    e.getValue()));
        }
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(n -> required.add(n.asText()));
        JsonNode additional = resolved.path("additionalProperties");
        boolean additionalAllowed = additional.isMissingNode() || !additional.isBoolean() || additional.asBoolean();
        return new RequestSchema(properties, required, additionalAllowed, resolved);
    }

    private static SchemaProperty versionHeader(JsonNode post, LocalRefs refs, String source) {
        for (JsonNode p : post.path("parameters")) {
            JsonNode parameter = refs.resolve(p);
            if (VERSION_HEADER.equalsIgnoreCase(parameter.path("name").asText())
                    && "header".equals(parameter.path("in").asText()) && parameter.path("schema").isObject()) {
                return SchemaProperty.of(parameter.path("name").asText(), parameter, parameter.path("schema"));
            }
        }
        throw new ContractException(source, "has no Aurous-Version header parameter schema", null);
    }

    private static Map<Integer, ResponseSpec> responses(JsonNode tree) {
        Map<Integer, ResponseSpec> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("\\d{3}")) {
                continue;
            }
            JsonNode response = e.getValue();
            Map<String, ResponseSpec.Header> headers = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> h = response.path("headers").properties().iterator(); h.hasNext(); ) {
                Map.Entry<String, JsonNode> header = h.next();
                JsonNode value = header.getValue();
                String description = value.path("description").asText(null);
                JsonNode schema = value.path("schema");
                headers.put(header.getKey(), new ResponseSpec.Header(header.getKey(),
                        value.path("required").asBoolean(false), description,
                        SchemaProperty.citations(description == null ? "" : description),
                        schema.isObject() ? SchemaProperty.of(header.getKey(), value, schema) : null));
            }
            JsonNode body = response.path("content").path("application/json").path("schema");
            out.put(Integer.parseInt(e.getKey()), new ResponseSpec(Integer.parseInt(e.getKey()),
                    response.path("description").asText(null), headers, body.isObject() ? body : null));
        }
        return Collections.unmodifiableMap(out);
    }
}
