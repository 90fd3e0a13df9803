package com.aurouslabs.toolkit.conformance.spec;

import com.aurouslabs.toolkit.openapi.ContractException;
import com.aurouslabs.toolkit.openapi.EstimateSpec;
import com.aurouslabs.toolkit.openapi.RequestSchema;
import com.aurouslabs.toolkit.openapi.ResponseSpec;
import com.aurouslabs.toolkit.openapi.SchemaProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document ({@code openapi/estimate.yaml} from the openapi jar, or the file AUROUS_SPEC names) as the
 * suite reads it: a view over the openapi artifact's {@link EstimateSpec}, which alone parses the document. The
 * oracle and the generators take every field, type, bound, enum, pattern and {@code maxItems} from here, so a
 * compatible spec edit (a new optional field, a moved bound) needs no Java change. Which catalog rule a schema
 * keyword of a property belongs to is read from the rule IDs the property's description cites ({@link
 * #citedRules}). Immutable; one instance per run.
 */
public final class SpecDocument {

  public static final String RESOURCE = EstimateSpec.RESOURCE;
  public static final String PATH = EstimateSpec.PATH;

  private static final Pattern MULTIPLE = Pattern.compile("multiple of (\\d+)");

  private final EstimateSpec spec;
  private final RequestSchema request;
  /** Each property's schema ($ref inlined), copied once from the reader: the JSON view callers read keywords of. */
  private final Map<String, JsonNode> schemas = new LinkedHashMap<>();
  private final Map<String, JsonNode> itemSchemas = new LinkedHashMap<>();
  private final Pattern versionPattern;
  private final Pattern requestIdPattern;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  private SpecDocument(EstimateSpec spec) {
    this.spec = spec;
    this.request = spec.request();
    for (SchemaProperty p : request.properties()) {
      schemas.put(p.name(), p.schema());
      itemSchemas.put(p.name(), p.items() == null ? MissingNode.getInstance() : p.items().schema());
    }
    this.versionPattern = Pattern.compile(Objects.toString(spec.versionHeader().pattern(), ""));
    this.requestIdPattern = Pattern.compile(spec.responseHeader("Aurous-Request-Id")
        .map(ResponseSpec.Header::schema).map(SchemaProperty::pattern).orElse(""));
  }

  /** The document in the openapi jar ({@link EstimateSpec#bundled()}). */
  public static SpecDocument classpath() {
    return new SpecDocument(EstimateSpec.bundled());
  }

  /** A document from a file (AUROUS_SPEC): a newer or extended contract, checked without rebuilding. */
  public static SpecDocument file(Path file) {
    try {
      return new SpecDocument(EstimateSpec.load(file.toAbsolutePath()));
    } catch (ContractException e) {
      throw new IllegalStateException("AUROUS_SPEC names " + file + ", which " + e.problem() + ": set AUROUS_SPEC "
          + "to an OpenAPI YAML file of the estimate operation, or unset it to use the built-in estimate.yaml", e);
    }
  }

  /** The openapi artifact's reading of the document. */
  public EstimateSpec estimate() {
    return spec;
  }

  /** The spec as text, for the interaction validator. */
  public String text() {
    return spec.text();
  }

  /** Where it was read from ({@code classpath:openapi/estimate.yaml} or a file path). */
  public String source() {
    return spec.source();
  }

  /** The request property as the reader gives it. */
  public SchemaProperty schemaProperty(String field) {
    if (!request.has(field)) {
      throw new IllegalStateException("EstimateRequest has no property " + field);
    }
    return request.property(field);
  }

  /** A request property's schema, {@code $ref} resolved. */
  public JsonNode property(String field) {
    JsonNode p = schemas.get(field);
    if (p == null) {
      throw new IllegalStateException("EstimateRequest has no property " + field);
    }
    return p;
  }

  public boolean hasProperty(String field) {
    return request.has(field);
  }

  /** The item schema of an array property ({@code $ref} resolved); a missing node when it is not an array. */
  public JsonNode items(String field) {
    property(field);
    return itemSchemas.get(field);
  }

  /** Whether the request object allows properties it does not define ({@code additionalProperties}). */
  public boolean additionalPropertiesAllowed() {
    return request.additionalPropertiesAllowed();
  }

  /** Inclusive numeric range of a request property; a missing bound is open. */
  public Range range(String field) {
    SchemaProperty p = schemaProperty(field);
    return new Range(field, p.minimum(), p.maximum(), "integer".equals(p.type()));
  }

  public boolean bounded(String field) {
    return schemaProperty(field).bounded();
  }

  public int minLength(String field) {
    return Objects.requireNonNullElse(schemaProperty(field).minLength(), 0);
  }

  public int maxLength(String field) {
    return Objects.requireNonNullElse(schemaProperty(field).maxLength(), Integer.MAX_VALUE);
  }

  public int maxItems(String field) {
    return Objects.requireNonNullElse(schemaProperty(field).maxItems(), Integer.MAX_VALUE);
  }

  /** The schema's {@code pattern} (ECMA syntax; the document writes dialect-neutral patterns), compiled once. */
  public Optional<Pattern> pattern(JsonNode schema) {
    return patternText(schema).map(p -> patterns.computeIfAbsent(p, Pattern::compile));
  }

  /** The same pattern, case-insensitive (the reading that ids are matched without regard to case). */
  public Optional<Pattern> patternIgnoringCase(JsonNode schema) {
    return patternText(schema).map(p -> patterns.computeIfAbsent("(?i)" + p, Pattern::compile));
  }

  private static Optional<String> patternText(JsonNode schema) {
    return schema.has("pattern") ? Optional.of(schema.get("pattern").asText()) : Optional.empty();
  }

  /** The {@code enum} values of a property, or empty. */
  public List<String> enumValues(String field) {
    return schemaProperty(field).enumValues();
  }

  public List<String> requestFields() {
    return request.fields();
  }

  public List<String> requiredFields() {
    return request.required();
  }

  public List<String> optionalFields() {
    return request.optionalFields();
  }

  /** JSON type of a property ({@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}). */
  public String type(String field) {
    return Objects.toString(schemaProperty(field).type(), "");
  }

  /** The property's {@code example}, if the document gives one. */
  public Optional<JsonNode> example(String field) {
    return schemaProperty(field).example();
  }

  /**
   * Rule IDs cited in parentheses in the property's description (and in the description of the schema it
   * references), in order of appearance: the property's rules, as the document names them. For array items the
   * item description's citations come first, then the array's.
   */
  public List<String> citedRules(String field, boolean item) {
    SchemaProperty p = schemaProperty(field);
    if (!item || p.items() == null) {
      return p.citedRules();
    }
    Set<String> out = new LinkedHashSet<>(p.items().citedRules());
    out.addAll(p.citedRules());
    return List.copyOf(out);
  }

  /** The request properties whose description cites {@code ruleId} (e.g. DIM-RANGE -> width, height). */
  public List<String> fieldsCiting(String ruleId) {
    return request.fieldsCiting(ruleId);
  }

  /** Released API versions ({@code info.x-aurous-versions}), oldest first. */
  public List<String> versions() {
    return spec.apiVersions();
  }

  /** {@code info.x-aurous-default-version}, or the newest released version when the document sets none. */
  public String defaultVersion() {
    return spec.defaultApiVersion();
  }

  /** The {@code pattern} of the Aurous-Version header parameter. */
  public Pattern versionPattern() {
    return versionPattern;
  }

  /** The {@code pattern} of the Aurous-Request-Id response header. */
  public Pattern requestIdPattern() {
    return requestIdPattern;
  }

  /** Documented response statuses of the operation. */
  public List<Integer> documentedStatuses() {
    return spec.statuses();
  }

  /** Header names the spec requires on a response of this status. */
  public List<String> requiredResponseHeaders(int status) {
    return spec.response(status).map(ResponseSpec::requiredHeaders).orElse(List.of());
  }

  /**
   * The snapping grid of custom dimensions, read from the description of the first field citing DIM-SNAP-32
   * ("nearest multiple of 32"). The schema cannot express snapping, so the prose is the source.
   */
  public int snapMultiple() {
    for (String f : fieldsCiting("DIM-SNAP-32")) {
      Matcher m = MULTIPLE.matcher(Objects.toString(schemaProperty(f).description(), ""));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    throw new IllegalStateException("no property description says 'multiple of N' (DIM-SNAP-32)");
  }

  /** An inclusive range with its JSON type; {@code null} bounds are open. */
  public record Range(String field, BigDecimal min, BigDecimal max, boolean integer) {
    public boolean contains(BigDecimal v) {
      return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
    }

    public boolean containsDouble(double v) {
      return !Double.isNaN(v) && (min == null || v >= min.doubleValue()) && (max == null || v <= max.doubleValue());
    }

    public long minLong() {
      return min == null ? Long.MIN_VALUE : min.longValueExact();
    }

    public long maxLong() {
      return max == null ? Long.MAX_VALUE : max.longValueExact();
    }
  }
}
