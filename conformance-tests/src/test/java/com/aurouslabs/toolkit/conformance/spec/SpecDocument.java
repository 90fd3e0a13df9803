package com.aurouslabs.toolkit.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document ({@code openapi/estimate.yaml} from the openapi jar), read at test time with Jackson
 * YAML. Generators and the oracle take every bound from here, so a bound changed in the spec moves the cases.
 */
public final class SpecDocument {

  public static final String RESOURCE = "openapi/estimate.yaml";
  public static final String PATH = "/v1/images/estimate";

  private static final SpecDocument INSTANCE = load();

  private final JsonNode root;
  private final JsonNode requestProperties;

  private SpecDocument(JsonNode root) {
    this.root = root;
    this.requestProperties = root.at("/components/schemas/EstimateRequest/properties");
    if (requestProperties.isMissingNode()) {
      throw new IllegalStateException(RESOURCE + " has no components.schemas.EstimateRequest.properties");
    }
  }

  /** The document is immutable; one parse per JVM. */
  public static SpecDocument get() {
    return INSTANCE;
  }

  private static SpecDocument load() {
    try (InputStream in = resource(RESOURCE)) {
      return new SpecDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static InputStream resource(String name) {
    InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the test classpath (dependency com.aurouslabs.toolkit:openapi)");
    }
    return in;
  }

  /** The spec as text, for the interaction validator. */
  public static String text() {
    try (InputStream in = resource(RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode root() {
    return root;
  }

  public JsonNode property(String field) {
    JsonNode p = requestProperties.path(field);
    if (p.has("$ref")) {
      p = root.at(p.get("$ref").asText().substring(1));
    }
    if (p.isMissingNode()) {
      throw new IllegalStateException("EstimateRequest has no property " + field);
    }
    return p;
  }

  /** Inclusive numeric range of a request property (minimum/maximum; exclusive bounds are not used). */
  public Range range(String field) {
    JsonNode p = property(field);
    if (!p.has("minimum") || !p.has("maximum")) {
      throw new IllegalStateException("EstimateRequest." + field + " has no minimum/maximum");
    }
    return new Range(field, p.get("minimum").decimalValue(), p.get("maximum").decimalValue(),
        "integer".equals(p.path("type").asText()));
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

  public JsonNode items(String field) {
    return property(field).path("items");
  }

  public Optional<Pattern> pattern(JsonNode schema) {
    return schema.has("pattern") ? Optional.of(Pattern.compile(schema.get("pattern").asText())) : Optional.empty();
  }

  public List<String> sizePresets() {
    List<String> out = new ArrayList<>();
    property("size").path("enum").forEach(n -> out.add(n.asText()));
    return out;
  }

  public List<String> requestFields() {
    List<String> out = new ArrayList<>();
    requestProperties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  public List<String> requiredFields() {
    List<String> out = new ArrayList<>();
    root.at("/components/schemas/EstimateRequest/required").forEach(n -> out.add(n.asText()));
    return out;
  }

  public String type(String field) {
    return property(field).path("type").asText();
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
    JsonNode r = root.at("/paths/~1v1~1images~1estimate/post/responses/" + status);
    if (r.has("$ref")) {
      r = root.at(r.get("$ref").asText().substring(1));
    }
    List<String> out = new ArrayList<>();
    r.path("headers").fields().forEachRemaining(e -> {
      JsonNode h = e.getValue();
      if (h.has("$ref")) {
        h = root.at(h.get("$ref").asText().substring(1));
      }
      if (h.path("required").asBoolean(false)) {
        out.add(e.getKey());
      }
    });
    return out;
  }

  /**
   * The snapping grid of custom dimensions, read from the width description ("nearest multiple of 32",
   * DIM-SNAP-32). The schema cannot express snapping, so the prose is the source.
   */
  public int snapMultiple() {
    Matcher m = Pattern.compile("multiple of (\\d+)").matcher(property("width").path("description").asText());
    if (!m.find()) {
      throw new IllegalStateException("width description no longer says 'multiple of N' (DIM-SNAP-32)");
    }
    return Integer.parseInt(m.group(1));
  }

  /** An inclusive range with its JSON type. */
  public record Range(String field, BigDecimal min, BigDecimal max, boolean integer) {
    public boolean contains(BigDecimal v) {
      return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
    }

    public long minLong() {
      return min.longValueExact();
    }

    public long maxLong() {
      return max.longValueExact();
    }
  }
}
