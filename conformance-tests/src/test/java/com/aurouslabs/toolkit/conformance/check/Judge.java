package com.aurouslabs.toolkit.conformance.check;

import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
import com.aurouslabs.toolkit.conformance.oracle.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Compares an answer with the oracle's expectation; findings name the rule(s) the answer breaks. */
public final class Judge {

  private Judge() {}

  /**
   * @param primaryRule the rule the property is about; blamed when an expected success is refused and the case
   *     exercises no more specific accept rule
   */
  public static List<Finding> outcome(Expectation exp, Exchange ex, String primaryRule) {
    List<Finding> out = new ArrayList<>();
    if (exp.accepted()) {
      if (ex.status() != 200) {
        String got = ex.status() + " " + ex.error().path("code").asText("") + " param=" + ex.error().path("param");
        for (String rule : blame(exp, primaryRule, ex)) {
          out.add(new Finding(rule, Set.of("status"), "expected 200 (" + String.join(", ", exp.acceptRules())
              + "), got " + got + ": " + ex.error().path("message").asText("")));
        }
      }
      return out;
    }
    Violation best = null;
    Set<String> bestParts = null;
    for (Violation v : exp.violations()) {
      Set<String> parts = mismatch(v, ex);
      if (parts.isEmpty()) {
        return out;
      }
      if (best == null || rank(parts) < rank(bestParts)) {
        best = v;
        bestParts = parts;
      }
    }
    String got = ex.status() + (ex.status() == 200 ? " (accepted)" : " " + ex.error().path("type").asText("") + "/"
        + ex.error().path("code").asText("") + " param=" + ex.error().path("param"));
    if (bestParts.contains("status")) {
      // no alternative was honoured at all: every broken rule failed
      Set<String> blamed = new LinkedHashSet<>();
      exp.violations().forEach(v -> blamed.add(v.ruleId()));
      for (String rule : blamed) {
        out.add(new Finding(rule, Set.of("status"), "expected " + exp + ", got " + got));
      }
    } else {
      out.add(new Finding(best.ruleId(), bestParts, "expected " + exp + ", got " + got + " (differs in " + bestParts
          + ")"));
    }
    return out;
  }

  private static List<String> blame(Expectation exp, String primaryRule, Exchange ex) {
    String code = ex.error().path("code").asText("");
    if (ex.status() == 402 || code.equals("balance_too_low")) {
      return List.of("ESTIMATE-NO-BALANCE-CHECK");
    }
    if (code.equals("prompt_blocked") || code.equals("reference_blocked")) {
      return List.of("ESTIMATE-NO-MODERATION");
    }
    if (ex.status() == 403 || code.equals("missing_scope")) {
      return List.of("AUTH-ANY-SCOPE");
    }
    List<String> specific = exp.acceptRules().stream()
        .filter(r -> !r.equals("PRICE-SHAPE") && !r.equals("VERSION-DEFAULT") && !r.equals("BODY-NULL-AS-ABSENT"))
        .filter(r -> !com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome.ALWAYS_ON_SUCCESS.contains(r))
        .toList();
    if (specific.contains(primaryRule) || specific.isEmpty()) {
      return List.of(primaryRule);
    }
    return specific;
  }

  private static int rank(Set<String> parts) {
    return (parts.contains("status") ? 100 : 0) + parts.size();
  }

  static Set<String> mismatch(Violation v, Exchange ex) {
    Set<String> parts = new LinkedHashSet<>();
    if (!Objects.equals(v.rule().status(), ex.status())) {
      parts.add("status");
      return parts;
    }
    JsonNode e = ex.error();
    if (v.rule().type() != null && !v.rule().type().equals(e.path("type").asText(null))) {
      parts.add("type");
    }
    if (v.rule().code() != null && !v.rule().code().equals(e.path("code").asText(null))) {
      parts.add("code");
    }
    JsonNode p = e.path("param");
    String param = p.isTextual() ? p.asText() : null;
    if (v.params().isEmpty() ? param != null : !v.params().contains(param)) {
      parts.add("param");
    }
    return parts;
  }
}
