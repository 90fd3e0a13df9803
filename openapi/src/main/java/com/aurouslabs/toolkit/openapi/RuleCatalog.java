package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rule catalog ({@code openapi/rules.yaml} on the classpath of this jar), read into immutable records: each
 * rule's fields as data (ID, family, tier, vendor docs, security, sources, text, decision, choices, outcome,
 * alternative), the evaluation order, the sources and {@code catalog_only}. Data only: the condition of a rule lives
 * in the code that checks it (the mock's rule classes, the suite's oracle), once.
 *
 * <p>{@link #bundled()} is the catalog of this jar, read once per JVM (a final, immutable value in a holder class);
 * {@link #load()} and {@link #load(Path)} read a fresh copy.
 *
 * <pre>{@code
 * RuleCatalog catalog = RuleCatalog.bundled();
 * Rule rule = catalog.rule("SIZE-XOR-DIMS");
 * int status = rule.outcome().status();          // 400
 * String docUrl = catalog.docUrl(rule);           // https://docs.aurous-labs.com/errors#parameter_invalid_combination
 * }</pre>
 */
public final class RuleCatalog {

    /** Classpath location of the rule catalog. */
    public static final String RESOURCE = "openapi/rules.yaml";
    /**
     * The catalog as JSON, written next to it at build time ({@link JsonTwin}): read faster, by {@link CatalogJson},
     * without an ObjectMapper.
     */
    static final String JSON_TWIN = "openapi/rules.json";
    /** Classpath location of the OpenAPI document ({@link EstimateSpec} reads it). */
    public static final String SPEC_RESOURCE = EstimateSpec.RESOURCE;
    /** Classpath location of the vendor's own sample request, which breaks SIZE-XOR-DIMS and CHAR-XOR-REFS. */
    public static final String VENDOR_SAMPLE_RESOURCE = "openapi/examples/vendor-sample-request.json";

    private final int catalogVersion;
    private final String docUrlBase;
    private final Map<String, String> sources;
    private final List<String> fixedOrder;
    private final List<String> evaluationOrder;
    private final List<String> alternativeEvaluationOrder;
    private final SchemaFindingOrder schemaFindings;
    private final SchemaFindingOrder alternativeSchemaFindings;
    private final List<String> catalogOnly;
    private final List<Rule> rules;
    private final Map<String, Rule> byId;

    private RuleCatalog(Document doc) {
        this.catalogVersion = doc.catalogVersion();
        this.docUrlBase = doc.docUrlBase();
        this.sources = doc.sources() == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(doc.sources()));
        Order order = doc.evaluationOrder() == null ? new Order(null, null, null, null) : doc.evaluationOrder();
        this.fixedOrder = order.fixed() == null ? List.of() : List.copyOf(order.fixed());
        this.evaluationOrder = concat(fixedOrder, order.decision());
        this.alternativeEvaluationOrder = concat(fixedOrder,
                order.alternative() == null ? order.decision() : order.alternative());
        this.schemaFindings = order.schemaFindings() == null ? SchemaFindingOrder.PROPERTY_ORDER
                : order.schemaFindings().decision();
        this.alternativeSchemaFindings = order.schemaFindings() == null ? schemaFindings
                : order.schemaFindings().alternative();
        this.catalogOnly = doc.catalogOnly() == null ? List.of() : List.copyOf(doc.catalogOnly());
        this.rules = doc.rules() == null ? List.of() : List.copyOf(doc.rules());
        // Keeps the first of duplicate IDs; RuleCatalogTest fails on duplicates.
        this.byId = Collections.unmodifiableMap(this.rules.stream()
                .collect(Collectors.toMap(Rule::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }

    /**
     * The catalog of this jar ({@value #RESOURCE}), read once per JVM and shared: every field is immutable, so one
     * instance serves every server, run and thread.
     */
    public static RuleCatalog bundled() {
        return Bundled.CATALOG;
    }

    /** Holder idiom: read on first use, once; the field is final and the value immutable. */
    private static final class Bundled {
        static final RuleCatalog CATALOG = load();
    }

    /** Loads {@value #RESOURCE} from this jar's classpath (a fresh copy; {@link #bundled()} shares one). */
    public static RuleCatalog load() {
        ClassLoader loader = RuleCatalog.class.getClassLoader();
        try (InputStream twin = loader.getResourceAsStream(JSON_TWIN)) {
            if (twin != null) {
                return new RuleCatalog(CatalogJson.read(twin));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + JSON_TWIN, e);
        }
        // Without the twin (a class path that skipped the build step) the YAML is parsed.
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Loads a catalog file (for tools and tests that work on a copy). */
    public static RuleCatalog load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a catalog from YAML; unknown keys are an error, so a typo in rules.yaml fails loudly. */
    public static RuleCatalog read(InputStream yaml) throws IOException {
        return new RuleCatalog(mapper(new ObjectMapper(new YAMLFactory())).readValue(yaml, Document.class));
    }

    private static ObjectMapper mapper(ObjectMapper base) {
        return base.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public int catalogVersion() {
        return catalogVersion;
    }

    /** {@code https://docs.aurous-labs.com/errors#}; an error's {@code doc_url} is this plus its code. */
    public String docUrlBase() {
        return docUrlBase;
    }

    /** Source key ({@code EST}, {@code ERRORS}, ...) to documentation URL, in catalog order. */
    public Map<String, String> sources() {
        return sources;
    }

    /**
     * Rule IDs in the order the decision reading checks them when a request breaks several: the fixed steps, then
     * the rest. {@value #SCHEMA_STEP} stands for the schema rules of estimate.yaml (their findings ordered by
     * {@link #schemaFindings()}).
     */
    public List<String> evaluationOrder() {
        return evaluationOrder;
    }

    /** The same steps in the order of the alternative reading (the fixed steps first, unchanged). */
    public List<String> alternativeEvaluationOrder() {
        return alternativeEvaluationOrder;
    }

    /**
     * The steps every reading takes first, in this order (a route, the body size and the key are settled before
     * anything else, and an unauthenticated request is not counted); the order of the others is not documented.
     */
    public List<String> fixedEvaluationOrder() {
        return fixedOrder;
    }

    /** How the decision orders several schema findings of one request. */
    public SchemaFindingOrder schemaFindings() {
        return schemaFindings;
    }

    /** How the alternative reading orders several schema findings of one request. */
    public SchemaFindingOrder alternativeSchemaFindings() {
        return alternativeSchemaFindings;
    }

    /** Every rule whose alternative reading differs from its decision, in catalog order. */
    public List<Rule> alternatives() {
        return rules.stream().filter(Rule::differsUnderAlternative).toList();
    }

    /** IDs that estimate.yaml does not cite on purpose. */
    public List<String> catalogOnly() {
        return catalogOnly;
    }

    /** Every rule, in catalog order. */
    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The rule with this ID; {@link NoSuchElementException} if there is none. */
    public Rule rule(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("no rule " + id + " in " + RESOURCE));
    }

    public List<Rule> family(String family) {
        return rules.stream().filter(r -> r.family().equals(family)).toList();
    }

    /** The {@code doc_url} an error answer for this rule carries, if the rule gives an error code. */
    public Optional<String> docUrl(Rule rule) {
        return Optional.ofNullable(rule.outcome()).map(Outcome::code).map(code -> docUrlBase + code);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        if (second != null) {
            all.addAll(second);
        }
        return List.copyOf(all);
    }

    /** The pseudo step of {@link #evaluationOrder()} that stands for the schema rules of estimate.yaml. */
    public static final String SCHEMA_STEP = "SCHEMA";

    /** How several schema findings of one request are ordered. */
    public enum SchemaFindingOrder {
        /** In the order of the properties in the schema (prompt first), required before type before the rest. */
        @com.fasterxml.jackson.annotation.JsonProperty("property_order")
        PROPERTY_ORDER,
        /** In the reverse order of the properties (the last property first). */
        @com.fasterxml.jackson.annotation.JsonProperty("reverse_property_order")
        REVERSE_PROPERTY_ORDER
    }

    /** The YAML document as written; mapped to the public API by the constructor. */
    record Document(
            int catalogVersion,
            String docUrlBase,
            List<String> catalogOnly,
            Map<String, String> sources,
            Order evaluationOrder,
            List<Rule> rules) {
    }

    /** {@code evaluation_order:} as written. */
    record Order(List<String> fixed, List<String> decision, List<String> alternative, SchemaOrders schemaFindings) {
    }

    /** {@code evaluation_order.schema_findings:} as written. */
    record SchemaOrders(SchemaFindingOrder decision, SchemaFindingOrder alternative) {
    }
}
