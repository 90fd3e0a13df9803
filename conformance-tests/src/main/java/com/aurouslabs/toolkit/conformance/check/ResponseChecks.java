package com.aurouslabs.toolkit.conformance.check;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every response, whatever was asked (Schemathesis style): no 5xx, a documented status, JSON, the body
 * and headers valid for that status per the spec, a complete error envelope, request id equal to
 * {@code error.request_id}, rate-limit and version headers.
 */
public final class ResponseChecks {

  /** How far X-RateLimit-Reset (epoch seconds) may be from this machine's clock: a day covers any skew and refill. */
  private static final long EPOCH_SLACK = 86_400;
  /** A ULID: 26 Crockford base32 characters, the first 0-7 (128 bits); case-insensitive. */
  private static final java.util.regex.Pattern ULID =
      java.util.regex.Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}", java.util.regex.Pattern.CASE_INSENSITIVE);

  private static final Set<String> ERROR_TYPES =
      Set.of("invalid_request", "authentication", "not_found", "rate_limit", "server_error");

  private final SpecDocument spec;
  private final RuleCatalog catalog;
  private final OpenApiInteractionValidator validator;

  public ResponseChecks(SpecDocument spec, RuleCatalog catalog) {
    this.spec = spec;
    this.catalog = catalog;
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec.text()).build();
  }

  public OpenApiInteractionValidator validator() {
    return validator;
  }

  public List<Finding> check(Exchange ex) {
    List<Finding> out = new ArrayList<>();
    int s = ex.status();
    String shapeRule = s == 200 ? "PRICE-SHAPE" : "ENVELOPE-SHAPE";
    if (s >= 500) {
      out.add(new Finding("NO-SERVER-ERROR", Set.of("status"), "got HTTP " + s + " for client input"));
    }
    // the operation's documented statuses and schemas are those of POST on the estimate path; another method
    // there (405, ROUTE-METHOD-NOT-ALLOWED) or another path (404) is outside the operation, envelope only
    boolean onEstimatePath = SpecDocument.PATH.equals(ex.request().path()) && "POST".equals(ex.request().method());
    if (onEstimatePath && !spec.documentedStatuses().contains(s)) {
      out.add(new Finding(shapeRule, Set.of("status"), "HTTP " + s + " is not a documented status of the operation"));
    }
    String ct = ex.header("Content-Type").orElse("");
    if (!ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json") || !ex.isJson()) {
      out.add(new Finding(shapeRule, Set.of("schema"), "not a JSON answer: Content-Type '" + ct + "'"));
    }
    if (onEstimatePath && spec.documentedStatuses().contains(s)) {
      SimpleResponse.Builder rb = SimpleResponse.Builder.status(s).withBody(ex.body());
      ex.headers().forEach((k, v) -> rb.withHeader(k, v));
      ValidationReport report = validator.validateResponse(SpecDocument.PATH, Request.Method.POST, rb.build());
      List<String> errors = report.getMessages().stream()
          .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
          .map(m -> m.getMessage().replaceAll("\\s+", " "))
          .collect(Collectors.toList());
      List<String> headerErrors = errors.stream().filter(m -> m.toLowerCase().contains("header")).toList();
      List<String> bodyErrors = errors.stream().filter(m -> !m.toLowerCase().contains("header")).toList();
      if (!bodyErrors.isEmpty()) {
        out.add(new Finding(shapeRule, Set.of("schema"), "body does not match the spec schema for " + s + ": "
            + String.join("; ", bodyErrors)));
      }
      for (String h : headerErrors) {
        out.add(new Finding(headerRule(h), Set.of("header"), h));
      }
    }
    if (s != 200 && ex.isJson()) {
      envelope(ex, out);
    }
    if (s == 200 && ex.isJson()) {
      priceSum(ex, out);
    }
    if (s == 405 && !ex.header("Allow").map(a -> a.toUpperCase(java.util.Locale.ROOT).contains("POST")).orElse(false)) {
      out.add(new Finding("ROUTE-METHOD-NOT-ALLOWED", Set.of("header"), "405 without an Allow header naming POST: "
          + ex.header("Allow").orElse(null)));
    }
    requestId(ex, out);
    if (s < 500 && s != 413) {
      for (String h : List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")) {
        String v = ex.header(h).orElse(null);
        if (v == null || !v.matches("\\d+")) {
          out.add(new Finding("RATE-LIMIT-HEADERS", Set.of("header"), h + " missing or not a whole number: " + v));
        }
      }
      String reset = ex.header("X-RateLimit-Reset").orElse("");
      if (reset.matches("\\d{1,18}") && Math.abs(Long.parseLong(reset) - System.currentTimeMillis() / 1000) > EPOCH_SLACK) {
        out.add(new Finding("RATE-LIMIT-HEADERS", Set.of("header"), "X-RateLimit-Reset " + reset + " is not epoch "
            + "seconds near now (" + System.currentTimeMillis() / 1000 + "; the time the bucket is full again)"));
      }
    }
    if (s < 500) {
      String v = ex.header("Aurous-Version").orElse(null);
      if (v == null || !spec.versions().contains(v)) {
        out.add(new Finding("VERSION-ECHO", Set.of("header"),
            "Aurous-Version header " + v + " is not a released version " + spec.versions()));
      }
    }
    return dedupe(out);
  }

  private static String headerRule(String message) {
    if (message.contains("Aurous-Request-Id")) {
      return "REQUEST-ID";
    }
    if (message.contains("RateLimit") || message.contains("Retry-After")) {
      return "RATE-LIMIT-HEADERS";
    }
    if (message.contains("Aurous-Version")) {
      return "VERSION-ECHO";
    }
    return "ENVELOPE-SHAPE";
  }

  private void envelope(Exchange ex, List<Finding> out) {
    JsonNode e = ex.error();
    if (!e.isObject()) {
      out.add(new Finding("ENVELOPE-SHAPE", Set.of("type", "code"), "no error object in " + ex.summary()));
      return;
    }
    for (String f : List.of("type", "code", "message", "doc_url", "request_id")) {
      if (!e.path(f).isTextual() || e.path(f).asText().isEmpty()) {
        out.add(new Finding("ENVELOPE-SHAPE", Set.of(f.equals("type") || f.equals("code") ? f : "envelope"),
            "error." + f + " missing or empty"));
      }
    }
    if (!e.has("param")) {
      out.add(new Finding("ENVELOPE-SHAPE", Set.of("param"), "error.param is absent (must be present, null if none)"));
    }
    if (e.path("type").isTextual() && !ERROR_TYPES.contains(e.path("type").asText())) {
      out.add(new Finding("ENVELOPE-SHAPE", Set.of("type"), "error.type " + e.path("type") + " not one of " + ERROR_TYPES));
    }
    String expectedDoc = catalog.docUrlBase() + e.path("code").asText();
    if (e.path("doc_url").isTextual() && !e.path("doc_url").asText().equals(expectedDoc)) {
      out.add(new Finding("ENVELOPE-SHAPE", Set.of("doc_url"),
          "error.doc_url " + e.path("doc_url").asText() + " is not " + expectedDoc));
    }
  }

  /** PRICE-SUM on every estimate: the amount is the sum of the breakdown lines (compared exactly). */
  private static void priceSum(Exchange ex, List<Finding> out) {
    JsonNode cost = ex.json().path("estimated_cost");
    if (!cost.path("amount").isNumber() || !cost.path("breakdown").isObject()) {
      return; // the schema check reports the shape
    }
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (JsonNode line : cost.path("breakdown")) {
      if (line.isNumber()) {
        sum = sum.add(line.decimalValue());
      }
    }
    if (sum.compareTo(cost.path("amount").decimalValue()) != 0) {
      out.add(new Finding("PRICE-SUM", Set.of("rule"), "estimated_cost.amount " + cost.path("amount")
          + " is not the sum of the breakdown lines " + cost.path("breakdown") + " (" + sum + ")"));
    }
  }

  private void requestId(Exchange ex, List<Finding> out) {
    String h = ex.header("Aurous-Request-Id").orElse(null);
    if (h == null) {
      out.add(new Finding("REQUEST-ID", Set.of("header"), "Aurous-Request-Id header missing"));
      return;
    }
    if (!spec.requestIdPattern().matcher(h).matches()) {
      out.add(new Finding("REQUEST-ID", Set.of("header"), "Aurous-Request-Id " + h + " does not match "
          + spec.requestIdPattern()));
    } else if (!h.startsWith("req_") || !ULID.matcher(h.substring(4)).matches()) {
      out.add(new Finding("REQUEST-ID", Set.of("header"), "Aurous-Request-Id " + h + " is not req_ followed by a "
          + "26-character ULID"));
    }
    if (ex.status() != 200 && ex.error().isObject() && !h.equals(ex.error().path("request_id").asText())) {
      out.add(new Finding("REQUEST-ID", Set.of("header"), "Aurous-Request-Id " + h + " != error.request_id "
          + ex.error().path("request_id")));
    }
  }

  private static List<Finding> dedupe(List<Finding> in) {
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Finding f : in) {
      if (seen.add(f.ruleId() + "|" + f.message())) {
        out.add(f);
      }
    }
    return out;
  }
}
