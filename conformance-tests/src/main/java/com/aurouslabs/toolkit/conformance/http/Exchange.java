package com.aurouslabs.toolkit.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One request/response pair as seen on the wire. Header lookup is case-insensitive. */
public record Exchange(EstimateCase request, String url, int status, Map<String, List<String>> headers, String body,
    JsonNode json, long millis) {

  public Exchange {
    Map<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ci.putAll(headers);
    headers = ci;
  }

  /** No HTTP answer at all (timeout, reset): status 0. */
  public static Exchange none(EstimateCase request, String url) {
    return new Exchange(request, url, 0, Map.of(), "", null, 0);
  }

  public Optional<String> header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Equal JSON, numbers compared by value (1 equals 1.0: a server may write amounts either way). */
  public static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      var it = a.fieldNames();
      while (it.hasNext()) {
        String f = it.next();
        if (!b.has(f) || !sameValue(a.get(f), b.get(f))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * Two refusals are the same answer apart from request_id and the id each quotes (no existence leak): same status,
   * same envelope once request_id is dropped and each id in the message is replaced.
   */
  public static boolean sameAnswer(Exchange a, String idA, Exchange b, String idB) {
    JsonNode ja = withoutVolatile(a.json(), idA);
    JsonNode jb = withoutVolatile(b.json(), idB);
    return ja != null && ja.equals(jb) && a.status() == b.status();
  }

  private static JsonNode withoutVolatile(JsonNode body, String id) {
    if (body == null || !body.path("error").isObject()) {
      return body;
    }
    com.fasterxml.jackson.databind.node.ObjectNode copy = body.deepCopy();
    com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode) copy.get("error");
    e.remove("request_id");
    if (e.path("message").isTextual()) {
      e.put("message", e.get("message").asText().replace(id, "<id>"));
    }
    return copy;
  }

  public boolean isJson() {
    return json != null;
  }

  /** {@code error} object of an error envelope, or a missing node. */
  public JsonNode error() {
    return json == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : json.path("error");
  }

  public String summary() {
    if (status == 0) {
      return "(no HTTP answer)";
    }
    String b = body.length() > 400 ? body.substring(0, 400) + "..." : body;
    return status + " " + b;
  }
}
