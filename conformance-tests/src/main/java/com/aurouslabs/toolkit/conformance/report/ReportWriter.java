package com.aurouslabs.toolkit.conformance.report;

import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code conformance-report.{json,md}}. Each test JVM (surefire, failsafe) saves its part under
 * {@code conformance-report.parts/}; the report is the merge of all parts of this build.
 */
public final class ReportWriter {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What one JVM contributes. */
  public static final class Part {
    public String target;
    public boolean embeddedMock;
    public boolean strict;
    public boolean budgetMode;
    public long requests;
    public long cases;
    public Map<String, Recorder.RuleStats> rules = new TreeMap<>();
    public List<Map<String, Object>> selfCheck = new ArrayList<>();
    /** Requests besides the conformance checks, by source (see {@link Recorder}). */
    public Map<String, Long> requestsBySource = new TreeMap<>();
    public List<Map<String, Object>> pact = new ArrayList<>();
    /** Why the run could not complete (a misconfigured or lost target), if it could not. */
    public List<String> fatal = new ArrayList<>();
  }

  private ReportWriter() {}

  /** Removes parts of earlier builds (called by the first JVM of a build). */
  public static void clearParts(Path dir) {
    Path parts = dir.resolve("conformance-report.parts");
    if (Files.isDirectory(parts)) {
      try (Stream<Path> s = Files.list(parts)) {
        s.forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static Map<String, Object> write(Path dir, String partName, Part part, RuleCatalog catalog) {
    try {
      Path parts = dir.resolve("conformance-report.parts");
      Files.createDirectories(parts);
      JSON.writeValue(parts.resolve(partName + ".json").toFile(), part);
      Part merged = new Part();
      List<Path> files;
      try (Stream<Path> s = Files.list(parts)) {
        files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      for (Path f : files) {
        Part p = JSON.readValue(f.toFile(), new TypeReference<Part>() {});
        if (p.target != null && (merged.target == null || p.cases > 0)) {
          merged.target = p.target; // the part that ran the conformance checks names the target
          merged.embeddedMock = p.embeddedMock;
        }
        merged.strict |= p.strict;
        merged.budgetMode |= p.budgetMode;
        merged.requests += p.requests;
        merged.cases += p.cases;
        Recorder.mergeInto(merged.rules, p.rules);
        merged.selfCheck.addAll(p.selfCheck);
        p.requestsBySource.forEach((k, v) -> merged.requestsBySource.merge(k, v, Long::sum));
        merged.pact.addAll(p.pact);
        p.fatal.stream().filter(x -> !merged.fatal.contains(x)).forEach(merged.fatal::add);
      }
      Map<String, Object> report = toReport(merged, catalog);
      JSON.writeValue(dir.resolve("conformance-report.json").toFile(), report);
      Files.writeString(dir.resolve("conformance-report.md"), markdown(report));
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the conformance report to " + dir, e);
    }
  }

  static Map<String, Object> toReport(Part p, RuleCatalog catalog) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("generated_at", Instant.now().toString());
    r.put("target", p.target);
    r.put("embedded_mock", p.embeddedMock);
    r.put("strict", p.strict);
    r.put("budget_mode", p.budgetMode);
    Map<String, Long> bySource = new LinkedHashMap<>();
    bySource.put("conformance_checks", p.requests);
    bySource.put(Recorder.PREFLIGHT, p.requestsBySource.getOrDefault(Recorder.PREFLIGHT, 0L));
    bySource.put(Recorder.PACT_REPLAY, p.requestsBySource.getOrDefault(Recorder.PACT_REPLAY, 0L));
    bySource.put(Recorder.SELF_CHECK, p.requestsBySource.getOrDefault(Recorder.SELF_CHECK, 0L));
    bySource.put(Recorder.RATE_LIMIT_DRAIN, p.requestsBySource.getOrDefault(Recorder.RATE_LIMIT_DRAIN, 0L));
    p.requestsBySource.forEach(bySource::putIfAbsent);
    r.put("requests", bySource.values().stream().mapToLong(Long::longValue).sum());
    r.put("requests_by_source", bySource);
    r.put("cases", p.cases);
    r.put("fatal", p.fatal);
    Map<String, Integer> totals = new TreeMap<>();
    List<Map<String, Object>> rules = new ArrayList<>();
    List<Rule> all = new ArrayList<>(catalog.all());
    // constraints of the spec that no catalog rule names (a field the spec gained): reported after the catalog
    p.rules.keySet().stream().filter(id -> id.startsWith(RuleCatalog.SCHEMA_PREFIX)).sorted().forEach(id -> {
      String[] fk = id.substring(RuleCatalog.SCHEMA_PREFIX.length()).split("/", 2);
      all.add(catalog.schemaRule(fk[0], fk.length > 1 ? fk[1] : "?", "?"));
    });
    for (Rule rule : all) {
      Recorder.RuleStats s = p.rules.getOrDefault(rule.id(), new Recorder.RuleStats());
      Result res = s.result();
      String result = res == null ? "not_run" : res.name().toLowerCase();
      totals.merge(result, 1, Integer::sum);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", rule.id());
      e.put("family", rule.family());
      e.put("tier", rule.tier().name().toLowerCase());
      e.put("security", rule.security());
      e.put("result", result);
      e.put("checks_passed", s.passed);
      e.put("warnings", s.warnings);
      e.put("failures", s.failed);
      e.put("skips", s.skipped);
      e.put("requests", s.requests);
      e.put("target", p.target);
      e.put("messages", s.messages);
      e.put("seeds", s.seeds);
      e.put("skip_reasons", s.skipReasons);
      rules.add(e);
    }
    r.put("totals", totals);
    r.put("rules", rules);
    r.put("self_check", p.selfCheck);
    Map<String, Integer> pactTotals = new TreeMap<>();
    p.pact.forEach(e -> pactTotals.merge(String.valueOf(e.get("result")), 1, Integer::sum));
    r.put("pact_totals", pactTotals);
    r.put("pact_interactions", p.pact);
    return r;
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> r) {
    StringBuilder md = new StringBuilder("# Conformance report: POST /v1/images/estimate\n\n");
    md.append("- target: ").append(r.get("target")).append(Boolean.TRUE.equals(r.get("embedded_mock"))
        ? " (embedded mock)" : "").append('\n');
    md.append("- generated: ").append(r.get("generated_at")).append('\n');
    md.append("- requests sent by this build: ").append(r.get("requests")).append(" = ")
        .append(requestBreakdown(r)).append("; cases: ").append(r.get("cases")).append('\n');
    md.append("- strict: ").append(r.get("strict")).append(", budget mode: ").append(r.get("budget_mode")).append('\n');
    md.append("- rule totals: ").append(r.get("totals")).append('\n');
    for (String f : (List<String>) r.get("fatal")) {
      md.append("- **the run could not complete**: ").append(f).append('\n');
    }
    md.append("- Pact interactions: ").append(r.get("pact_totals")).append("\n\n");
    md.append("| rule | tier | security | result | checks | warn | fail | skip | requests | note |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> e : (List<Map<String, Object>>) r.get("rules")) {
      List<String> msgs = (List<String>) e.get("messages");
      List<String> skips = (List<String>) e.get("skip_reasons");
      String note = !msgs.isEmpty() ? msgs.get(0) : skips.isEmpty() ? ""
          : ("skipped".equals(e.get("result")) ? "" : "partly skipped: ") + skips.get(0);
      note = note.replace("|", "\\|").replace("\n", " ");
      if (note.length() > 160) {
        note = note.substring(0, 160) + "...";
      }
      md.append("| ").append(e.get("id")).append(" | ").append(e.get("tier")).append(" | ")
          .append(Boolean.TRUE.equals(e.get("security")) ? "yes" : "").append(" | **").append(e.get("result"))
          .append("** | ").append(e.get("checks_passed")).append(" | ").append(e.get("warnings")).append(" | ")
          .append(e.get("failures")).append(" | ").append(e.get("skips")).append(" | ").append(e.get("requests"))
          .append(" | ").append(note).append(" |\n");
    }
    List<Map<String, Object>> self = (List<Map<String, Object>>) r.get("self_check");
    if (!self.isEmpty()) {
      md.append("\n## Mutation self-check (defects injected into both readings of the mock)\n\n")
          .append(selfCheckLine(self)).append("\n\n")
          .append("| defect | rule it breaks | profile | mode | caught by (failing rules) | requests | ms | verdict |\n")
          .append("|---|---|---|---|---|---|---|---|\n");
      for (Map<String, Object> s : self) {
        md.append("| ").append(s.get("defect")).append(" | ").append(s.get("expected_rule")).append(" | ")
            .append(s.getOrDefault("profile", "default")).append(" | ").append(s.getOrDefault("mode", "default"))
            .append(" | ").append(s.get("failed_rules")).append(" | ").append(s.get("requests")).append(" | ")
            .append(s.getOrDefault("millis", "")).append(" | ").append(s.get("verdict")).append(" |\n");
      }
    }
    List<Map<String, Object>> pact = (List<Map<String, Object>>) r.get("pact_interactions");
    if (!pact.isEmpty()) {
      md.append("\n## Pact interactions\n\n| interaction | provider state | target | result | note |\n|---|---|---|---|---|\n");
      for (Map<String, Object> p : pact) {
        String note = String.valueOf(p.getOrDefault("note", "")).replace("|", "\\|").replace("\n", " ");
        if (note.length() > 160) {
          note = note.substring(0, 160) + "...";
        }
        md.append("| ").append(p.get("interaction")).append(" | ").append(p.get("provider_state")).append(" | ")
            .append(p.get("target")).append(" | **").append(p.get("result")).append("** | ").append(note)
            .append(" |\n");
      }
    }
    return md.toString();
  }

  /**
   * The console summary of a (merged) report: rule totals, then one line per failed rule and per skipped security
   * rule, and why the run could not complete, if it could not.
   */
  @SuppressWarnings("unchecked")
  public static List<String> summary(Map<String, Object> r) {
    List<String> out = new ArrayList<>();
    out.add("Conformance summary: rules " + r.get("totals") + "; " + r.get("requests") + " requests = "
        + requestBreakdown(r) + (Boolean.TRUE.equals(r.get("budget_mode")) ? " (budget mode)" : ""));
    for (String f : (List<String>) r.get("fatal")) {
      out.add("  RUN NOT COMPLETE: " + f);
    }
    List<Map<String, Object>> self = (List<Map<String, Object>>) r.get("self_check");
    if (self != null && !self.isEmpty()) {
      out.add("  " + selfCheckLine(self));
      self.stream().filter(s -> !List.of("caught", "silent", "fails, as it must").contains(s.get("verdict")))
          .forEach(s -> out.add("  SELF-CHECK " + s.get("verdict") + ": " + s.get("defect") + " (" + s.get("profile")
              + " profile, " + s.get("mode") + " mode; expected " + s.get("expected_rule") + ", failing rules "
              + s.get("failed_rules") + ")"));
    }
    for (Map<String, Object> e : (List<Map<String, Object>>) r.get("rules")) {
      List<String> msgs = (List<String>) e.get("messages");
      List<String> skips = (List<String>) e.get("skip_reasons");
      if ("failed".equals(e.get("result"))) {
        String first = msgs.isEmpty() ? "" : msgs.get(0).lines().findFirst().orElse("");
        out.add("  FAILED " + e.get("id") + " (" + e.get("tier") + (Boolean.TRUE.equals(e.get("security"))
            ? ", security" : "") + "): " + cut(first, 300));
      } else if ("skipped".equals(e.get("result")) && Boolean.TRUE.equals(e.get("security"))) {
        out.add("  SKIPPED security rule " + e.get("id") + ": " + (skips.isEmpty() ? "" : cut(skips.get(0), 300)));
      }
    }
    return out;
  }

  /**
   * The self-check matrix in one line: per profile and mode, defects caught / run, controls silent, requests and
   * wall time.
   */
  public static String selfCheckLine(List<Map<String, Object>> self) {
    Map<String, long[]> by = new LinkedHashMap<>();
    long requests = 0;
    long millis = 0;
    for (Map<String, Object> s : self) {
      String key = s.getOrDefault("profile", "default") + "/" + s.getOrDefault("mode", "default");
      long[] t = by.computeIfAbsent(key, k -> new long[4]);
      String verdict = String.valueOf(s.get("verdict"));
      if (String.valueOf(s.get("defect")).startsWith("NONE")) {
        t[2]++;
        t[3] += verdict.equals("silent") || verdict.startsWith("fails") ? 1 : 0;
      } else {
        t[0]++;
        t[1] += verdict.equals("caught") ? 1 : 0;
      }
      requests += ((Number) s.getOrDefault("requests", 0)).longValue();
      millis += ((Number) s.getOrDefault("millis", 0)).longValue();
    }
    List<String> parts = new ArrayList<>();
    by.forEach((k, t) -> parts.add(k + ": " + t[1] + "/" + t[0] + " defects caught, " + t[3] + "/" + t[2]
        + " controls as required"));
    return "Self-check matrix: " + String.join("; ", parts) + "; " + requests + " requests, " + millis / 1000 + " s";
  }

  private static String cut(String s, int n) {
    return s.length() > n ? s.substring(0, n) + "..." : s;
  }

  /** "N conformance checks + M pact replays + ..." (sources with zero requests left out). */
  @SuppressWarnings("unchecked")
  public static String requestBreakdown(Map<String, Object> r) {
    Map<String, Long> by = (Map<String, Long>) r.get("requests_by_source");
    List<String> parts = new ArrayList<>();
    by.forEach((k, v) -> {
      if (v > 0 || k.equals("conformance_checks")) {
        parts.add(v + " " + k.replace('_', ' '));
      }
    });
    return String.join(" + ", parts);
  }
}
