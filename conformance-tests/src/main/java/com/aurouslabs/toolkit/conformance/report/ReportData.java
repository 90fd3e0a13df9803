package com.aurouslabs.toolkit.conformance.report;

import com.aurouslabs.toolkit.openapi.Rule;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code conformance-report.json} read back, the input of every rendered format (JUnit XML, HTML): the formats
 * depend on the file's shape only, never on the suite's classes. Every text field is passed through a
 * {@link KeyRedaction} on the way in, so no renderer can print a key the file should not have held.
 */
public record ReportData(String target, boolean embeddedMock, boolean strict, boolean budgetMode, String generatedAt,
    long requests, Map<String, Long> totals, List<String> fatal, List<RuleEntry> rules) {

  /** One catalog rule of the report. {@code result}: passed, warning, failed, skipped or not_run. */
  public record RuleEntry(String id, String title, String family, String tier, boolean security, String result,
      long checksPassed, long warnings, long failures, long skips, long requests, List<String> messages,
      List<String> seeds, List<String> skipReasons) {

    /** Documented rules and security rules: the ones whose failure fails the run. */
    public boolean documentedOrSecurity() {
      return security || "documented".equals(tier);
    }

    /** The {@code curl: ...} lines of the messages (the suite puts one under each failed or warned exchange). */
    public List<String> curlLines() {
      List<String> out = new ArrayList<>();
      for (String m : messages) {
        m.lines().map(String::strip).filter(l -> l.startsWith("curl:")).map(l -> l.substring(5).strip())
            .filter(l -> !out.contains(l)).forEach(out::add);
      }
      return out;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ReportData read(Path json, KeyRedaction redaction) throws IOException {
    return from(JSON.readTree(Files.readString(json)), redaction, catalogTitles());
  }

  /** Titles of the catalog rules: the first sentence of each rule's text in {@code rules.yaml}. */
  public static Function<String, Optional<String>> catalogTitles() {
    RuleCatalog catalog = RuleCatalog.load();
    return id -> catalog.find(id).map(Rule::text).map(ReportData::firstSentence);
  }

  static String firstSentence(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    int dot = t.indexOf(". ");
    if (dot > 0) {
      t = t.substring(0, dot + 1);
    }
    return t.length() > 140 ? t.substring(0, 137) + "..." : t;
  }

  public static ReportData from(JsonNode r, KeyRedaction redaction, Function<String, Optional<String>> titles) {
    Map<String, Long> totals = new LinkedHashMap<>();
    r.path("totals").properties().forEach(e -> totals.put(e.getKey(), e.getValue().asLong()));
    List<RuleEntry> rules = new ArrayList<>();
    for (JsonNode e : r.path("rules")) {
      String id = redaction.apply(e.path("id").asText());
      String title = e.hasNonNull("title") ? e.get("title").asText() : titles.apply(id).orElse(id);
      rules.add(new RuleEntry(id, redaction.apply(title), redaction.apply(e.path("family").asText("other")),
          e.path("tier").asText(""), e.path("security").asBoolean(), e.path("result").asText("not_run"),
          e.path("checks_passed").asLong(), e.path("warnings").asLong(), e.path("failures").asLong(),
          e.path("skips").asLong(), e.path("requests").asLong(), texts(e.path("messages"), redaction),
          texts(e.path("seeds"), redaction), texts(e.path("skip_reasons"), redaction)));
    }
    return new ReportData(redaction.apply(r.path("target").asText("")), r.path("embedded_mock").asBoolean(),
        r.path("strict").asBoolean(), r.path("budget_mode").asBoolean(), r.path("generated_at").asText(""),
        r.path("requests").asLong(), totals, texts(r.path("fatal"), redaction), rules);
  }

  private static List<String> texts(JsonNode array, KeyRedaction redaction) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(redaction.apply(n.asText())));
    return out;
  }

  /** Rules by result, in catalog order. */
  public List<RuleEntry> withResult(String result) {
    return rules.stream().filter(e -> e.result().equals(result)).toList();
  }

  public long count(String result) {
    return rules.stream().filter(e -> e.result().equals(result)).count();
  }
}
