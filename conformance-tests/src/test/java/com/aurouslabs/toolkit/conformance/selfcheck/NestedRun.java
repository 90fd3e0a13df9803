package com.aurouslabs.toolkit.conformance.selfcheck;

import com.aurouslabs.toolkit.conformance.ConformanceRunner;
import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs suite classes through {@link ConformanceRunner} with their own settings (a nested run against its own
 * target), quietly and without writing report files; returns what the nested run recorded.
 */
record NestedRun(TestExecutionSummary summary, Map<String, Recorder.RuleStats> rules, long requests, long millis,
                 ConformanceRunner.Status status, List<String> fatal) {

  static NestedRun of(Map<String, String> settings, List<String> classes) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("aurous.report", "false");
    params.put("aurous.quiet", "true");
    params.put("jqwik.database", "target/.jqwik-selfcheck-database");
    params.put("jqwik.failures.after.default", "RANDOM_SEED");
    params.put("jqwik.reporting.usejunitplatform", "true");
    params.put("junit.platform.output.capture.stdout", "true");
    params.putAll(settings);
    long t0 = System.nanoTime();
    ConformanceRunner.RunOutcome outcome = ConformanceRunner.run(params, ConformanceRunner.Listener.NONE, classes);
    return new NestedRun(outcome.summary(), outcome.rules(), outcome.requests(), (System.nanoTime() - t0) / 1_000_000,
        outcome.status(), outcome.fatal());
  }

  List<String> withResult(Result result) {
    return rules.entrySet().stream().filter(e -> e.getValue().result() == result).map(Map.Entry::getKey).toList();
  }

  List<String> failedRules() {
    return withResult(Result.FAILED);
  }

  List<String> warnedRules() {
    return withResult(Result.WARNING);
  }

  /** The parts that differed in the warnings of this run (code, param, reading, precedence, ...). */
  java.util.SortedSet<String> warnedParts() {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    rules.values().forEach(s -> out.addAll(s.warnedParts));
    return out;
  }

  /** First messages of every failing or warning rule, and the failures of the nested tests. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    rules.forEach((k, v) -> {
      if (v.result() == Result.FAILED || v.result() == Result.WARNING) {
        v.messages.stream().limit(2).forEach(m -> sb.append(m).append('\n'));
      }
    });
    summary.getFailures().forEach(f -> sb.append(f.getTestIdentifier().getDisplayName()).append(": ")
        .append(f.getException().getMessage()).append('\n'));
    return sb.toString();
  }
}
