package com.aurouslabs.toolkit.conformance.report;

import com.aurouslabs.toolkit.conformance.check.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Collects per-rule outcomes of one run (one launcher session). Thread-safe. */
public final class Recorder {

  private static final int MAX_MESSAGES = 5;

  private final Map<String, RuleStats> rules = new TreeMap<>();
  private final AtomicLong cases = new AtomicLong();
  private final List<Map<String, Object>> selfCheck = new ArrayList<>();
  private final List<Map<String, Object>> pact = new ArrayList<>();
  private final Map<String, Long> requestsBySource = new TreeMap<>();

  /** Request sources besides the conformance checks (which the run's transport counts). */
  public static final String SELF_CHECK = "mutation_self_check";
  public static final String RATE_LIMIT_DRAIN = "rate_limit_drain";
  public static final String PACT_REPLAY = "pact_replay";
  /** The one request that checks reachability and the key before anything else. */
  public static final String PREFLIGHT = "preflight";

  private final List<String> fatal = new ArrayList<>();

  /** Mutable per-rule tallies (also the JSON shape of a report part). */
  public static final class RuleStats {
    public long passed;
    public long warnings;
    public long failed;
    public long skipped;
    public long requests;
    public List<String> messages = new ArrayList<>();
    public List<String> seeds = new ArrayList<>();
    public List<String> skipReasons = new ArrayList<>();
    /** The parts that differed in this rule's warnings (code, param, reading, precedence, ...). */
    public java.util.SortedSet<String> warnedParts = new java.util.TreeSet<>();

    public Result result() {
      if (failed > 0) {
        return Result.FAILED;
      }
      if (warnings > 0) {
        return Result.WARNING;
      }
      if (passed > 0) {
        return Result.PASSED;
      }
      return skipped > 0 ? Result.SKIPPED : null;
    }

    void merge(RuleStats o) {
      passed += o.passed;
      warnings += o.warnings;
      failed += o.failed;
      skipped += o.skipped;
      requests += o.requests;
      o.messages.forEach(m -> addCapped(messages, m));
      o.seeds.forEach(s -> addCapped(seeds, s));
      o.skipReasons.forEach(s -> addCapped(skipReasons, s));
      warnedParts.addAll(o.warnedParts);
    }
  }

  private static void addCapped(List<String> list, String s) {
    if (list.size() < MAX_MESSAGES && !list.contains(s)) {
      list.add(s);
    }
  }

  private RuleStats stats(String ruleId) {
    return rules.computeIfAbsent(ruleId, k -> new RuleStats());
  }

  public synchronized void outcome(String ruleId, Result result, String message, long requests) {
    outcome(ruleId, result, message, requests, java.util.Set.of());
  }

  /** An outcome; {@code parts}: what differed (kept for warnings, so a run can say which inferred parts warned). */
  public synchronized void outcome(String ruleId, Result result, String message, long requests,
      java.util.Set<String> parts) {
    RuleStats s = stats(ruleId);
    if (result == Result.WARNING) {
      s.warnedParts.addAll(parts);
    }
    s.requests += requests;
    switch (result) {
      case PASSED -> s.passed++;
      case WARNING -> { s.warnings++; addCapped(s.messages, "WARNING " + message); }
      case FAILED -> { s.failed++; addCapped(s.messages, message); }
      case SKIPPED -> { s.skipped++; addCapped(s.skipReasons, message); }
      default -> throw new IllegalStateException();
    }
  }

  public synchronized void seed(String ruleId, String seed, String note) {
    addCapped(stats(ruleId).seeds, "seed " + seed + (note == null ? "" : ": " + note));
  }

  public void countCase() {
    cases.incrementAndGet();
  }

  public long cases() {
    return cases.get();
  }

  public synchronized void selfCheck(Map<String, Object> entry) {
    selfCheck.add(entry);
  }

  /** How many outcomes (of any kind) {@code ruleId} has so far. */
  public synchronized long touched(String ruleId) {
    RuleStats s = rules.get(ruleId);
    return s == null ? 0 : s.passed + s.warnings + s.failed + s.skipped;
  }

  /** Requests sent outside the run's own transport (self-check mocks, bucket drains, Pact replays). */
  public synchronized void requests(String source, long n) {
    requestsBySource.merge(source, n, Long::sum);
  }

  public synchronized Map<String, Long> requestsBySource() {
    return new TreeMap<>(requestsBySource);
  }

  /** One verified Pact interaction: interaction, provider_state, target, result, note. */
  public synchronized void pact(Map<String, Object> entry) {
    pact.add(entry);
  }

  public synchronized List<Map<String, Object>> pactEntries() {
    return List.copyOf(pact);
  }

  public synchronized Map<String, RuleStats> snapshot() {
    Map<String, RuleStats> copy = new TreeMap<>();
    rules.forEach((k, v) -> {
      RuleStats c = new RuleStats();
      c.merge(v);
      copy.put(k, c);
    });
    return copy;
  }

  /** The run could not complete: the one line that says why (and what to set). */
  public synchronized void fatal(String message) {
    if (!fatal.contains(message)) {
      fatal.add(message);
    }
  }

  public synchronized List<String> fatalMessages() {
    return List.copyOf(fatal);
  }

  public synchronized List<Map<String, Object>> selfCheckEntries() {
    return List.copyOf(selfCheck);
  }

  public static void mergeInto(Map<String, RuleStats> target, Map<String, RuleStats> part) {
    part.forEach((k, v) -> target.computeIfAbsent(k, x -> new RuleStats()).merge(v));
  }
}
