package com.aurouslabs.toolkit.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;

/** conformance-report.json documents in today's shape (ReportWriter), built in memory for the format tests. */
final class ReportSamples {

  static final String KEY = "al_live_" + "a".repeat(64);
  static final String TEST_KEY = "al_test_" + "Zq9".repeat(10);
  static final String HOSTILE = "</testcase><script>alert('x')</script> & \"quoted\" ]]> \u0001 <!-- -->";
  static final Function<String, Optional<String>> TITLES = id -> Optional.of("Title of " + id);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportSamples() {}

  /** Five rules, one of each result, with a hostile message and a leaked key in the failed one. */
  static ObjectNode fiveRules() {
    ObjectNode r = JSON.createObjectNode();
    r.put("generated_at", "2026-12-02T15:00:00Z");
    r.put("target", "http://127.0.0.1:4999");
    r.put("embedded_mock", false);
    r.put("strict", false);
    r.put("budget_mode", true);
    r.put("requests", 42);
    r.putArray("fatal");
    ArrayNode rules = r.putArray("rules");
    rule(rules, "AUTH-INVALID-KEY", "auth", "documented", true, "failed")
        .putArray("messages").add("[AUTH-INVALID-KEY] expected 401, got 200 " + HOSTILE
            + "\n  request: POST /v1/images/estimate key=" + KEY
            + "\n  curl:    curl -sS -i -X 'POST' 'http://127.0.0.1:4999/v1/images/estimate' -H 'X-Api-Key: "
            + TEST_KEY + "'");
    ((ArrayNode) rules.get(0).get("seeds")).add("-4242");
    rule(rules, "SIZE-SNAP", "dimensions", "inferred", false, "warning")
        .putArray("messages").add("[SIZE-SNAP] rounds down where we round up");
    rule(rules, "PROMPT-MAX", "prompt", "documented", false, "passed");
    rule(rules, "AUTH-REVOKED-KEY", "auth", "documented", true, "skipped")
        .putArray("skip_reasons").add("fixture REVOKED_KEY missing: set AUROUS_REVOKED_API_KEY");
    rule(rules, "LORA-MODE", "lora", "documented", false, "not_run");
    return r;
  }

  static ObjectNode rule(ArrayNode rules, String id, String family, String tier, boolean security, String result) {
    ObjectNode e = rules.addObject();
    e.put("id", id);
    e.put("family", family);
    e.put("tier", tier);
    e.put("security", security);
    e.put("result", result);
    e.put("checks_passed", "passed".equals(result) ? 3 : 0);
    e.put("warnings", "warning".equals(result) ? 1 : 0);
    e.put("failures", "failed".equals(result) ? 1 : 0);
    e.put("skips", "skipped".equals(result) ? 1 : 0);
    e.put("requests", 2);
    e.putArray("messages");
    e.putArray("seeds");
    e.putArray("skip_reasons");
    return e;
  }
}
