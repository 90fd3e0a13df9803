package com.aurouslabs.toolkit.conformance.check;

import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.oracle.AcceptRule;
import com.aurouslabs.toolkit.conformance.oracle.Choice;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
import com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome;
import com.aurouslabs.toolkit.conformance.oracle.ReadingOutcome;
import com.aurouslabs.toolkit.conformance.oracle.Violation;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one verdict policy: what fails and what warns, for every target (the embedded mock included).
 *
 * <p>An expected outcome splits into its documented part and its inferred parts. Documented: the status where the
 * catalog's {@code outcome.documented} lists it, else the status class (accepted or rejected) for a documented rule;
 * the type, code, param or header where {@code documented} lists them; the statement of a documented rule (an
 * invariant, the response schema). For a documented security rule the blocked input is rejected, never accepted.
 * An inferred security rule (the vendor is silent: REF-URL-NO-USERINFO, REF-URL-HOST-UNLISTED, ...) is judged like
 * any inferred rule: accepting its blocked input is a difference from this project's decision, a warning. Inferred:
 * everything else, i.e. an undocumented status, code or param spelling, the message, the
 * doc_url form, the precedence among rules the catalog orders only by its own decision, and every open choice of
 * {@link Choice} (an answer that follows another reading). Only a documented part can FAIL; an inferred difference
 * is a WARNING, unless strict mode names it ({@code AUROUS_STRICT=true} for all, or a list such as
 * {@code param,code}). Every comparison is null-safe.
 */
public final class VerdictPolicy {

  /** Outcome parts and kinds of difference; strict mode may name any of them. */
  public static final List<String> PARTS = List.of("status-class", "status", "type", "code", "param", "header",
      "rule", "schema", "envelope", "doc_url", "precedence", "reading");

  /** Accept rules too general to blame when a valid request is refused. */
  private static final Set<String> GENERIC = Set.of("PRICE-SHAPE", "VERSION-DEFAULT", "VERSION-ECHO");

  private final RuleCatalog catalog;
  private final Set<String> strictParts;
  /** The request fields a rule is about (the spec properties citing it). */
  private final java.util.function.Function<String, List<String>> fieldsOf;

  /** {@code strict}: empty = none; {@code true} / {@code all} = every part; else a comma list of {@link #PARTS}. */
  public VerdictPolicy(RuleCatalog catalog, String strict, java.util.function.Function<String, List<String>> fieldsOf) {
    this.catalog = catalog;
    this.strictParts = parseStrict(strict);
    this.fieldsOf = fieldsOf;
  }

  static Set<String> parseStrict(String strict) {
    if (strict == null || strict.isBlank() || strict.equalsIgnoreCase("false")) {
      return Set.of();
    }
    if (strict.equalsIgnoreCase("true") || strict.equalsIgnoreCase("all")) {
      return Set.copyOf(PARTS);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String p : strict.split(",")) {
      String part = p.trim().toLowerCase(Locale.ROOT);
      if (!PARTS.contains(part)) {
        throw new IllegalArgumentException("AUROUS_STRICT (or -Daurous.strict) must be true, false or a comma list "
            + "of " + PARTS + ", got '" + strict + "'");
      }
      out.add(part);
    }
    return Set.copyOf(out);
  }

  public boolean strict() {
    return !strictParts.isEmpty();
  }

  public Set<String> strictParts() {
    return strictParts;
  }

  /**
   * One rule's verdict on one check; {@code parts}: what differed (outcome parts, "rule", "reading", "precedence",
   * ...), so a report can say which inferred parts a target warned on.
   */
  public record Verdict(String ruleId, Result result, String message, Set<String> parts) {
    public Verdict(String ruleId, Result result, String message) {
      this(ruleId, result, message, Set.of());
    }
  }

  /** The verdict of a difference in {@code parts}: FAILED when one is documented (or strict), else WARNING. */
  private Verdict verdict(String ruleId, Rule rule, Collection<String> parts, String message) {
    return new Verdict(ruleId, classify(rule, parts), message, Set.copyOf(parts));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new java.util.TreeSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }

  /** Whether a difference in {@code part} breaks what the vendor documents about {@code rule}. */
  public static boolean documented(Rule rule, String part) {
    return switch (part) {
      case "status-class" -> rule.isDocumented() || rule.documents("status");
      case "status", "type", "code", "param", "header" -> rule.documents(part);
      case "rule", "schema", "envelope" -> rule.isDocumented();
      default -> false;
    };
  }

  /** FAILED when a differing part is documented (or named by strict mode), else WARNING. */
  public Result classify(Rule rule, Collection<String> parts) {
    for (String p : parts) {
      if (documented(rule, p) || strictParts.contains(p)) {
        return Result.FAILED;
      }
    }
    return Result.WARNING;
  }

  public Verdict finding(Finding f) {
    return verdict(f.ruleId(), catalog.rule(f.ruleId()), f.parts(), f.message());
  }

  /**
   * An invariant over one or more answers. {@code documentedHolds}: the documented statement holds;
   * {@code decisionHolds}: this project's reading holds too ({@code why} says what the reading is).
   */
  public Verdict invariant(String ruleId, boolean documentedHolds, boolean decisionHolds, String message) {
    Rule rule = catalog.rule(ruleId);
    if (!documentedHolds) {
      return verdict(ruleId, rule, List.of("rule"), message);
    }
    if (!decisionHolds) {
      return verdict(ruleId, rule, List.of("reading"), message);
    }
    return new Verdict(ruleId, Result.PASSED, null);
  }

  // ------------------------------------------------------------------------------------------------ outcomes

  /**
   * Judges an answer against the expectation. Returns verdicts only for rules with a difference (FAILED or
   * WARNING); the caller passes the other involved rules. A 5xx or a missing answer is left to NO-SERVER-ERROR.
   */
  public List<Verdict> judge(Expectation exp, Exchange ex, String primaryRule) {
    int st = ex.status();
    if (st == 0 || st >= 500) {
      return List.of();
    }
    return st / 100 == 2 ? accepted(exp, ex) : refused(exp, ex, primaryRule);
  }

  /** The target accepted the request. */
  private List<Verdict> accepted(Expectation exp, Exchange ex) {
    ReadingOutcome decision = exp.decision();
    if (decision.accepted()) {
      return List.of();
    }
    String got = " got " + ex.status() + " (accepted)";
    List<ReadingOutcome> accepting = exp.readings().stream().filter(ReadingOutcome::accepted).toList();
    List<Verdict> out = new ArrayList<>();
    if (!accepting.isEmpty()) {
      ReadingOutcome alt = accepting.get(0);
      for (String id : decision.violatedRules()) {
        Rule rule = catalog.rule(id);
        out.add(verdict(id, rule, List.of("reading"), "expected " + decision + "," + got
            + ", which follows another reading of the docs: " + alt.describePicks() + choiceNote(alt)));
      }
      return out;
    }
    // every reading refuses: each rule that all readings break fails or warns by its documented part
    Set<String> inAll = new LinkedHashSet<>(decision.violatedRules());
    exp.readings().forEach(r -> inAll.retainAll(r.violatedRules()));
    for (String id : decision.violatedRules()) {
      Rule rule = catalog.rule(id);
      boolean everyReading = inAll.contains(id);
      out.add(verdict(id, rule, List.of(everyReading ? "status-class" : "reading"), "expected " + exp + "," + got
          + (everyReading ? ""
          : " (another reading of the docs does not break " + id + ")")));
    }
    if (out.stream().noneMatch(v -> v.result() == Result.FAILED)
        && exp.readings().stream().allMatch(r -> r.all().stream().anyMatch(v -> documented(v.rule(), "status-class")))) {
      // each reading rejects for a documented rule, so accepting breaks a documented rule whichever is right
      out.replaceAll(v -> documented(catalog.rule(v.ruleId()), "status-class")
          ? new Verdict(v.ruleId(), Result.FAILED, v.message(), v.parts()) : v);
    }
    return out;
  }

  /** A candidate explanation of a refusal: a reading, and the violation the answer names (null: it accepts). */
  private record Candidate(int reading, ReadingOutcome outcome, Violation violation, int stage,
      Map<String, String> diffs, int documentedDiffs, List<String> blamed) {
    int score() {
      return (reading > 0 ? 1 : 0) + (stage > 0 ? 1 : 0) + diffs.size();
    }
  }

  /**
   * The target refused the request (4xx, or any other non-2xx that is not a 5xx). The explanation chosen (the
   * reading and the violation the answer most likely names) depends only on what is documented, never on strict
   * mode: strict mode changes how the differences of that explanation are classified, not which one it is.
   */
  private List<Verdict> refused(Expectation exp, Exchange ex, String primaryRule) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < exp.readings().size(); i++) {
      ReadingOutcome r = exp.readings().get(i);
      if (r.accepted()) {
        List<String> blamed = blame(r.accepts(), ex, primaryRule);
        int doc = blamed.stream().anyMatch(id -> documented(catalog.rule(id), "status-class")) ? 1 : 0;
        candidates.add(new Candidate(i, r, null, 0, Map.of("status-class", "expected 200"), doc, blamed));
        continue;
      }
      for (int s = 0; s < r.stages().size(); s++) {
        for (Violation v : r.stages().get(s)) {
          Map<String, String> diffs = diffs(v, ex);
          int doc = (int) diffs.keySet().stream().filter(p -> documented(v.rule(), p)).count();
          candidates.add(new Candidate(i, r, v, s, diffs, doc, List.of(v.ruleId())));
        }
      }
    }
    Candidate best = null;
    for (Candidate c : candidates) {
      if (best == null || c.documentedDiffs() < best.documentedDiffs()
          || (c.documentedDiffs() == best.documentedDiffs() && c.score() < best.score())) {
        best = c;
      }
    }
    String got = describe(ex);
    List<Verdict> out = new ArrayList<>();
    ReadingOutcome decision = exp.decision();
    if (best.violation() == null) {
      // no reading refuses it: the refusal breaks the rule(s) an accepted request exercises
      for (String id : best.blamed()) {
        out.add(verdict(id, catalog.rule(id), List.of("status-class"), "expected " + exp + ", got "
            + got));
      }
      return out;
    }
    if (best.documentedDiffs() > 0) {
      // no explanation honours the documented parts: every rule of the decision's first stage answers for its own
      List<Violation> first = decision.accepted() ? List.of(best.violation()) : decision.stages().get(0);
      Set<String> done = new LinkedHashSet<>();
      for (Violation v : first) {
        Map<String, String> d = diffs(v, ex);
        if (done.add(v.ruleId()) && !d.isEmpty()) {
          out.add(verdict(v.ruleId(), v.rule(), d.keySet(), "expected " + exp + ", got " + got
              + " (differs in " + describeDiffs(v.rule(), d) + ")"));
        }
      }
      return out;
    }
    // every documented part holds: what differs is inferred
    if (!best.diffs().isEmpty()) {
      out.add(verdict(best.violation().ruleId(), best.violation().rule(), best.diffs().keySet(),
          "expected " + best.violation() + ", got " + got + " (differs in " + describeDiffs(best.violation().rule(),
              best.diffs()) + ")"));
    }
    if (best.reading() > 0) {
      ReadingOutcome alt = best.outcome();
      Collection<String> rules = decision.accepted() ? readingRules(decision, alt, best.violation())
          : choiceRules(decision.stages().get(0), alt);
      for (String id : rules) {
        out.add(verdict(id, catalog.rule(id), List.of("reading"), "expected " + decision + ", got "
            + got + ", which follows another reading of the docs: " + alt.describePicks() + choiceNote(alt)));
      }
    } else if (best.stage() > 0) {
      for (String id : decision.stages().get(0).stream().map(Violation::ruleId).distinct().toList()) {
        out.add(verdict(id, catalog.rule(id), List.of("precedence"), "expected one of "
            + decision.stages().get(0) + ", got " + got + ": the answer names " + best.violation().ruleId()
            + ", which the catalog's evaluation order (this project's decision) checks later"));
      }
    }
    return merge(out);
  }

  /**
   * The rules an accepted request's answer differs on under another reading: the rules of the choices that reading
   * makes which the request exercises; else the rule the answer names.
   */
  private static Collection<String> readingRules(ReadingOutcome decision, ReadingOutcome alt, Violation named) {
    Set<String> exercised = decision.accepts().stream().map(AcceptRule::ruleId).collect(Collectors.toSet());
    List<String> out = alt.picks().keySet().stream().flatMap(c -> c.ruleIds().stream()).filter(exercised::contains)
        .distinct().toList();
    return out.isEmpty() ? List.of(named.ruleId()) : out;
  }

  /**
   * The rules a refused request's answer differs on under another reading: the rules of the decision's first stage
   * that the reading's choices are about (a malformed id refused as malformed warns on its *-ID-FORM rule, not on
   * the look-up rule); else every rule of that stage.
   */
  private static Collection<String> choiceRules(List<Violation> firstStage, ReadingOutcome alt) {
    Set<String> ofChoices = alt.picks().keySet().stream().flatMap(c -> c.ruleIds().stream())
        .collect(Collectors.toSet());
    List<String> stage = firstStage.stream().map(Violation::ruleId).distinct().toList();
    List<String> out = stage.stream().filter(ofChoices::contains).toList();
    return out.isEmpty() ? stage : out;
  }

  private static String choiceNote(ReadingOutcome alt) {
    return " (this project's decision: " + alt.picks().keySet().stream().map(Choice::decision)
        .collect(Collectors.joining("; ")) + ")";
  }

  /** One verdict per rule: the worst, messages joined. */
  private static List<Verdict> merge(List<Verdict> in) {
    Map<String, Verdict> by = new LinkedHashMap<>();
    for (Verdict v : in) {
      by.merge(v.ruleId(), v, (a, b) -> new Verdict(a.ruleId(), a.result().worst(b.result()),
          a.message() + "; " + b.message(), union(a.parts(), b.parts())));
    }
    return List.copyOf(by.values());
  }

  /** Parts of the answer that differ from the violation's outcome, with what was expected. */
  static Map<String, String> diffs(Violation v, Exchange ex) {
    Map<String, String> d = new LinkedHashMap<>();
    int st = ex.status();
    if (!Objects.equals(v.status(), st)) {
      boolean sameClass = v.status() != null && v.status() / 100 == st / 100;
      d.put(sameClass ? "status" : "status-class", "status " + v.status());
    }
    JsonNode e = ex.error();
    String type = text(e.path("type"));
    String code = text(e.path("code"));
    String param = text(e.path("param"));
    if (v.type() != null && !v.type().equals(type)) {
      d.put("type", "type " + v.type());
    }
    if (v.code() != null && !v.code().equals(code)) {
      d.put("code", "code " + v.code());
    }
    // null-safe: immutable sets throw on contains(null)
    if (v.params().isEmpty() ? param != null : param == null || !v.params().contains(param)) {
      d.put("param", "param " + (v.params().isEmpty() ? "null" : String.join(" or ", v.params())));
    }
    return d;
  }

  private static String describeDiffs(Rule rule, Map<String, String> diffs) {
    return diffs.entrySet().stream().map(e -> (documented(rule, e.getKey()) ? "documented " : "undocumented ")
        + e.getKey() + ": expected " + e.getValue()).collect(Collectors.joining("; "));
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  static String describe(Exchange ex) {
    JsonNode e = ex.error();
    return ex.status() + " " + text(e.path("type")) + "/" + text(e.path("code")) + " param="
        + (e.has("param") ? text(e.path("param")) : "(absent)");
  }

  /**
   * Which accept rule(s) a refusal of an accepted request breaks: the balance, moderation or scope rule by the
   * refusal's status or code; else the rules of the field the answer's param names; else the property's own rule
   * if the request exercises it; else every specific rule the request exercises.
   */
  List<String> blame(List<AcceptRule> accepts, Exchange ex, String primaryRule) {
    String code = text(ex.error().path("code"));
    if (ex.status() == 402 || "balance_too_low".equals(code)) {
      return List.of("ESTIMATE-NO-BALANCE-CHECK");
    }
    if ("prompt_blocked".equals(code) || "reference_blocked".equals(code)) {
      return List.of("ESTIMATE-NO-MODERATION");
    }
    if (ex.status() == 403 || "missing_scope".equals(code)) {
      return List.of("AUTH-ANY-SCOPE");
    }
    List<AcceptRule> specific = accepts.stream().filter(a -> !GENERIC.contains(a.ruleId())
        && !ExpectedOutcome.ALWAYS_ON_SUCCESS.contains(a.ruleId())).toList();
    String param = text(ex.error().path("param"));
    List<AcceptRule> byParam = specific.stream().filter(a -> a.field() != null && param != null
        && (param.equals(a.field()) || param.startsWith(a.field() + "[") || a.field().startsWith(param + "[")))
        .toList();
    List<String> pool = (byParam.isEmpty() ? specific : byParam).stream().map(AcceptRule::ruleId).distinct().toList();
    List<String> out = new ArrayList<>(pool.contains(primaryRule) || pool.isEmpty() ? List.of(primaryRule) : pool);
    // a refusal in the words of one rule (the only rule with its code) blames what exempts the request from it:
    // the accept rules on the fields that rule is about (mutually_exclusive_input for a character and [] blames
    // REF-EMPTY-IS-NONE too)
    List<Rule> byCode = catalog.all().stream().filter(r -> code != null && code.equals(r.code())).toList();
    if (byCode.size() == 1 && fieldsOf.apply(byCode.get(0).id()) != null) {
      List<String> fields = fieldsOf.apply(byCode.get(0).id());
      specific.stream().filter(a -> a.field() != null && fields.stream().anyMatch(f -> a.field().equals(f)
          || a.field().startsWith(f + "["))).map(AcceptRule::ruleId).filter(id -> !out.contains(id)).forEach(out::add);
    }
    return out;
  }
}
