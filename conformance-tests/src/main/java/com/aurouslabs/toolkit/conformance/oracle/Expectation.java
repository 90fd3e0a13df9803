package com.aurouslabs.toolkit.conformance.oracle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the catalog and the spec say about one request: the outcome under this project's reading of the docs
 * ({@link #decision()}, first) and under every documented-compatible alternative reading that changes it.
 */
public record Expectation(List<ReadingOutcome> readings) {

  public ReadingOutcome decision() {
    return readings.get(0);
  }

  public boolean accepted() {
    return decision().accepted();
  }

  /** The decision's violations of the first stage (any of which the answer may name). */
  public List<Violation> violations() {
    return accepted() ? List.of() : decision().stages().get(0);
  }

  public boolean violates(String ruleId) {
    return decision().all().stream().anyMatch(v -> v.ruleId().equals(ruleId));
  }

  /** Accept rules (accepted) or first-stage violation rules (rejected) of the decision, first the most relevant. */
  public List<String> ruleIds() {
    return accepted() ? decision().accepts().stream().map(AcceptRule::ruleId).distinct().toList()
        : violations().stream().map(Violation::ruleId).distinct().toList();
  }

  /** Every rule any reading involves (violated or exercised). */
  public Set<String> involvedRules() {
    Set<String> out = new LinkedHashSet<>();
    for (ReadingOutcome r : readings) {
      r.all().forEach(v -> out.add(v.ruleId()));
      r.accepts().forEach(a -> out.add(a.ruleId()));
    }
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(decision().toString());
    for (int i = 1; i < readings.size(); i++) {
      sb.append("; or ").append(readings.get(i));
    }
    return sb.toString();
  }
}
