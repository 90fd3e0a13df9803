package com.aurouslabs.toolkit.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document ({@code openapi/estimate.yaml} from the openapi jar, or the file AUROUS_SPEC names), read at
 * run time with Jackson YAML. The oracle and the generators take every field, type, bound, enum, pattern and
 * {@code maxItems} from here, so a compatible spec edit (a new optional field, a moved bound) needs no Java change.
 * Which catalog rule a schema keyword of a property belongs to is read from the rule IDs the property's
 * description cites ({@link #citedRules}). Immutable; one instance per run.
 */
public final class SpecDocument {

  public static final String RESOURCE = "openapi/estimate.yaml";
  public static final String PATH = "/v1/images/estimate";

  private static final Pattern CITATION = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern RULE_ID = Pattern.compile("\\b[A-Z]+(?:-[A-Z0-9]+)+\\b");

  private final JsonNode root;
  private final JsonNode request;
  private final JsonNode requestProperties;
  private final String text;
  private final String source;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  private SpecDocument(String text, String source) {
    this.text = text;
    this.source = source;
    try {
      this.root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("cannot parse the OpenAPI document " + source + ": " + e.getMessage(), e);
    }
    this.request = resolve(root.at("/components/schemas/EstimateRequest"));
    this.requestProperties = request.path("properties");
    if (requestProperties.isMissingNode()) {
      throw new IllegalStateException(source + " has no components.schemas.EstimateRequest.properties");
    }
  }

  /** The document on the test classpath (dependency com.aurouslabs.toolkit:openapi). */
  public static SpecDocument classpath() {
    try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath (dependency com.aurouslabs.toolkit:openapi)");
      }
      return new SpecDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A document from a file (AUROUS_SPEC): a newer or extended contract, checked without rebuilding. */
  public static SpecDocument file(Path file) {
    try {
      return new SpecDocument(Files.readString(file), file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new IllegalStateException("AUROUS_SPEC names " + file + ", which cannot be read (" + e.getMessage()
          + "): set AUROUS_SPEC to an OpenAPI YAML file, or unset it to use the built-in estimate.yaml", e);
    }
  }

  /** The spec as text, for the interaction validator. */
  public String text() {
    return text;
  }

  /** Where it was read from ({@code classpath:openapi/estimate.yaml} or a file path). */
  public String source() {
    return source;
  }

  public JsonNode root() {
    return root;
  }

  private JsonNode resolve(JsonNode n) {
    JsonNode cur = n;
    for (int i = 0; i < 16 && cur.has("$ref"); i++) {
      cur = root.at(cur.get("$ref").asText().substring(1));
    }
    return cur;
  }

  /** A request property's schema, {@code $ref} resolved. */
  public JsonNode property(String field) {
    JsonNode p = requestProperties.path(field);
    if (p.isMissingNode()) {
      throw new IllegalStateException("EstimateRequest has no property " + field);
    }
    return resolve(p);
  }

  public boolean hasProperty(String field) {
    return requestProperties.has(field);
  }

  /** The item schema of an array property ({@code $ref} resolved). */
  public JsonNode items(String field) {
    return resolve(property(field).path("items"));
  }

  /** Whether the request object allows properties it does not define ({@code additionalProperties}). */
  public boolean additionalPropertiesAllowed() {
    JsonNode a = request.path("additionalProperties");
    return a.isMissingNode() || !a.isBoolean() || a.asBoolean();
  }

  /** Inclusive numeric range of a request property; a missing bound is open. */
  public Range range(String field) {
    JsonNode p = property(field);
    return new Range(field, p.has("minimum") ? p.get("minimum").decimalValue() : null,
        p.has("maximum") ? p.get("maximum").decimalValue() : null, "integer".equals(p.path("type").asText()));
  }

  public boolean bounded(String field) {
    JsonNode p = property(field);
    return p.has("minimum") || p.has("maximum");
  }

  public int minLength(String field) {
    return property(field).path("minLength").asInt(0);
  }

  public int maxLength(String field) {
    return property(field).path("maxLength").asInt(Integer.MAX_VALUE);
  }

  public int maxItems(String field) {
    return property(field).path("maxItems").asInt(Integer.MAX_VALUE);
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
    List<String> out = new ArrayList<>();
    property(field).path("enum").forEach(n -> {
      if (!n.isNull()) {
        out.add(n.asText());
      }
    });
    return out;
  }

  public List<String> requestFields() {
    List<String> out = new ArrayList<>();
    requestProperties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  public List<String> requiredFields() {
    List<String> out = new ArrayList<>();
    request.path("required").forEach(n -> out.add(n.asText()));
    return out;
  }

  public List<String> optionalFields() {
    List<String> required = requiredFields();
    return requestFields().stream().filter(f -> !required.contains(f)).toList();
  }

  /** JSON type of a property ({@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}). */
  public String type(String field) {
    return property(field).path("type").asText();
  }

  /** The property's {@code example}, if the document gives one. */
  public Optional<JsonNode> example(String field) {
    JsonNode e = property(field).path("example");
    return e.isMissingNode() || e.isNull() ? Optional.empty() : Optional.of(e);
  }

  /**
   * Rule IDs cited in parentheses in the property's description (and in the description of the schema it
   * references), in order of appearance: the property's rules, as the document names them. For array items the
   * item description's citations come first, then the array's.
   */
  public List<String> citedRules(String field, boolean item) {
    Set<String> out = new LinkedHashSet<>();
    if (item) {
      cite(items(field).path("description").asText(""), out);
    }
    cite(requestProperties.path(field).path("description").asText(""), out);
    cite(property(field).path("description").asText(""), out);
    return List.copyOf(out);
  }

  private static void cite(String text, Set<String> out) {
    Matcher group = CITATION.matcher(text);
    while (group.find()) {
      Matcher id = RULE_ID.matcher(group.group(1));
      while (id.find()) {
        out.add(id.group());
      }
    }
  }

  /** The request properties whose description cites {@code ruleId} (e.g. DIM-RANGE -> width, height). */
  public List<String> fieldsCiting(String ruleId) {
    return requestFields().stream().filter(f -> citedRules(f, false).contains(ruleId)).toList();
  }

  /** Released API versions ({@code info.x-aurous-versions}), oldest first. */
  public List<String> versions() {
    List<String> out = new ArrayList<>();
    root.at("/info/x-aurous-versions").forEach(n -> out.add(n.asText()));
    return out;
  }

  public String defaultVersion() {
    return root.at("/info/x-aurous-default-version").asText();
  }

  public Pattern versionPattern() {
    return Pattern.compile(root.at("/components/parameters/AurousVersion/schema/pattern").asText());
  }

  public Pattern requestIdPattern() {
    return Pattern.compile(root.at("/components/headers/AurousRequestId/schema/pattern").asText());
  }

  /** Documented response statuses of the operation. */
  public List<Integer> documentedStatuses() {
    List<Integer> out = new ArrayList<>();
    root.at("/paths/~1v1~1images~1estimate/post/responses").fieldNames()
        .forEachRemaining(s -> out.add(Integer.parseInt(s)));
    return out;
  }

  /** Header names the spec requires on a response of this status. */
  public List<String> requiredResponseHeaders(int status) {
    JsonNode r = resolve(root.at("/paths/~1v1~1images~1estimate/post/responses/" + status));
    List<String> out = new ArrayList<>();
    r.path("headers").fields().forEachRemaining(e -> {
      if (resolve(e.getValue()).path("required").asBoolean(false)) {
        out.add(e.getKey());
      }
    });
    return out;
  }

  /**
   * The snapping grid of custom dimensions, read from the description of the first field citing DIM-SNAP-32
   * ("nearest multiple of 32"). The schema cannot express snapping, so the prose is the source.
   */
  public int snapMultiple() {
    for (String f : fieldsCiting("DIM-SNAP-32")) {
      Matcher m = Pattern.compile("multiple of (\\d+)").matcher(property(f).path("description").asText());
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
