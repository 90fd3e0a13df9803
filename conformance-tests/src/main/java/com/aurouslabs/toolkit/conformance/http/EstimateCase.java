package com.aurouslabs.toolkit.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to the estimate endpoint, immutable: a JSON body (any JSON, so wrong types can be sent), or a raw
 * body for transport rules, plus auth mode, Aurous-Version and extra headers. {@link #toString()} is the
 * readable form jqwik prints for a shrunk sample.
 */
public final class EstimateCase {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = new JsonNodeFactory(true);

  private final ObjectNode body;
  private final String rawBody;
  private final String contentType;
  private final String method;
  private final String path;
  private final Auth auth;
  private final String version;
  private final Map<String, String> extraHeaders;

  private EstimateCase(ObjectNode body, String rawBody, String contentType, String method, String path, Auth auth,
      String version, Map<String, String> extraHeaders) {
    this.body = body;
    this.rawBody = rawBody;
    this.contentType = contentType;
    this.method = method;
    this.path = path;
    this.auth = auth;
    this.version = version;
    this.extraHeaders = Map.copyOf(extraHeaders);
  }

  /** A body with only the given prompt, authenticated with the target's key. */
  public static EstimateCase prompt(String prompt) {
    ObjectNode b = F.objectNode();
    b.put("prompt", prompt);
    return new EstimateCase(b, null, "application/json", "POST", "/v1/images/estimate", Auth.API_KEY, null, Map.of());
  }

  public static EstimateCase ofBody(ObjectNode body) {
    return new EstimateCase(body.deepCopy(), null, "application/json", "POST", "/v1/images/estimate", Auth.API_KEY,
        null, Map.of());
  }

  private EstimateCase copy(ObjectNode b) {
    return new EstimateCase(b, rawBody, contentType, method, path, auth, version, extraHeaders);
  }

  /** Sets a field to any JSON value; {@code null} (Java) removes it, {@link #withNull} sends JSON null. */
  public EstimateCase with(String field, Object value) {
    ObjectNode b = body.deepCopy();
    if (value == null) {
      b.remove(field);
    } else {
      b.set(field, node(value));
    }
    return copy(b);
  }

  public EstimateCase withNull(String field) {
    ObjectNode b = body.deepCopy();
    b.putNull(field);
    return copy(b);
  }

  public EstimateCase without(String field) {
    return with(field, null);
  }

  public EstimateCase withAll(Map<String, ?> fields) {
    EstimateCase c = this;
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      c = c.with(e.getKey(), e.getValue());
    }
    return c;
  }

  public EstimateCase auth(Auth a) {
    return new EstimateCase(body, rawBody, contentType, method, path, a, version, extraHeaders);
  }

  /** Aurous-Version header; {@code null} = not sent. */
  public EstimateCase version(String v) {
    return new EstimateCase(body, rawBody, contentType, method, path, auth, v, extraHeaders);
  }

  public EstimateCase header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(extraHeaders);
    h.put(name, value);
    return new EstimateCase(body, rawBody, contentType, method, path, auth, version, h);
  }

  /** Sends this text as the body instead of the JSON object (transport rules). */
  public EstimateCase rawBody(String raw, String type) {
    return new EstimateCase(body, raw, type, method, path, auth, version, extraHeaders);
  }

  public EstimateCase contentType(String type) {
    return new EstimateCase(body, rawBody, type, method, path, auth, version, extraHeaders);
  }

  public EstimateCase route(String m, String p) {
    return new EstimateCase(body, rawBody, contentType, m, p, auth, version, extraHeaders);
  }

  static JsonNode node(Object v) {
    if (v instanceof JsonNode n) {
      return n;
    }
    if (v instanceof String s) {
      return F.textNode(s);
    }
    if (v instanceof Integer i) {
      return F.numberNode(i);
    }
    if (v instanceof Long l) {
      return F.numberNode(l);
    }
    if (v instanceof Double d) {
      return F.numberNode(d);
    }
    if (v instanceof BigDecimal d) {
      return F.numberNode(d);
    }
    if (v instanceof BigInteger i) {
      return F.numberNode(i);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof List<?> list) {
      var arr = F.arrayNode();
      list.forEach(x -> arr.add(node(x)));
      return arr;
    }
    throw new IllegalArgumentException("no JSON mapping for " + v.getClass());
  }

  public ObjectNode body() {
    return body.deepCopy();
  }

  /** A body field; empty when absent. JSON null is present (a NullNode). */
  public Optional<JsonNode> field(String name) {
    return Optional.ofNullable(body.get(name));
  }

  /** A field that is present and not JSON null (BODY-NULL-AS-ABSENT). */
  public Optional<JsonNode> value(String name) {
    return field(name).filter(n -> !n.isNull());
  }

  public boolean isRaw() {
    return rawBody != null;
  }

  public String bodyText() {
    if (rawBody != null) {
      return rawBody;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String contentType() {
    return contentType;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public Auth auth() {
    return auth;
  }

  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  public Map<String, String> extraHeaders() {
    return extraHeaders;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (!"POST".equals(method) || !"/v1/images/estimate".equals(path)) {
      sb.append(method).append(' ').append(path).append(' ');
    }
    sb.append("auth=").append(auth);
    if (version != null) {
      sb.append(" Aurous-Version=").append(printable(version));
    }
    extraHeaders.forEach((k, v) -> sb.append(' ').append(k).append('=').append(printable(v)));
    if (!"application/json".equals(contentType)) {
      sb.append(" Content-Type=").append(contentType);
    }
    sb.append(' ').append(rawBody != null ? "raw:" + printable(rawBody) : shortJson(body));
    return sb.toString();
  }

  /** JSON with strings longer than 120 characters abbreviated (a 4001-character prompt stays readable). */
  static String shortJson(JsonNode n) {
    if (n.isTextual()) {
      String s = n.asText();
      int cps = s.codePointCount(0, s.length());
      String quoted = F.textNode(cps > 120 ? s.substring(0, s.offsetByCodePoints(0, 40)) : s).toString();
      return cps > 120 ? quoted.substring(0, quoted.length() - 1) + "...\"(" + cps + " code points)" : quoted;
    }
    if (n.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        var e = it.next();
        sb.append('"').append(e.getKey()).append("\":").append(shortJson(e.getValue()));
        if (it.hasNext()) {
          sb.append(',');
        }
      }
      return sb.append('}').toString();
    }
    if (n.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < n.size(); i++) {
        sb.append(i > 0 ? "," : "").append(shortJson(n.get(i)));
      }
      return sb.append(']').toString();
    }
    return n.toString();
  }

  private static String printable(String s) {
    return shortJson(F.textNode(s));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EstimateCase c && bodyText().equals(c.bodyText()) && auth == c.auth
        && Objects.equals(version, c.version) && extraHeaders.equals(c.extraHeaders)
        && Objects.equals(contentType, c.contentType) && method.equals(c.method) && path.equals(c.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bodyText(), auth, version);
  }
}
