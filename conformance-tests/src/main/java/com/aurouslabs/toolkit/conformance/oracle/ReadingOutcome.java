package com.aurouslabs.toolkit.conformance.oracle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one reading of the docs expects for a request: accepted (200, exercising {@code accepts}), or rejected
 * with one of the violations of {@code stages}. Stage 0 holds the violations any of which the answer may name
 * without remark; a later stage holds violations an implementation with another evaluation order may name first
 * (the catalog's order is this project's decision): naming one of them is a precedence WARNING.
 */
public record ReadingOutcome(Map<Choice, Integer> picks, List<List<Violation>> stages, List<AcceptRule> accepts) {

  public boolean accepted() {
    return stages.isEmpty();
  }

  public boolean isDecision() {
    return picks.isEmpty();
  }

  public List<Violation> all() {
    List<Violation> out = new ArrayList<>();
    stages.forEach(out::addAll);
    return out;
  }

  public Set<String> violatedRules() {
    return all().stream().map(Violation::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Same answer as {@code o} (so one of them suffices). */
  boolean sameAs(ReadingOutcome o) {
    return stages.equals(o.stages) && accepted() == o.accepted()
        && (!accepted() || accepts.stream().map(AcceptRule::ruleId).collect(Collectors.toSet())
        .equals(o.accepts.stream().map(AcceptRule::ruleId).collect(Collectors.toSet())));
  }

  /** The picks in words, e.g. "only ASCII space, tab, CR and LF count as blank". */
  public String describePicks() {
    return picks.entrySet().stream().map(e -> e.getKey().point() + ": " + e.getKey().option(e.getValue()))
        .collect(Collectors.joining("; "));
  }

  @Override
  public String toString() {
    String what = accepted() ? "200 (" + accepts.stream().map(AcceptRule::ruleId).distinct()
        .collect(Collectors.joining(", ")) + ")" : "one of " + stages.get(0)
        + (stages.size() > 1 ? " (or, in another evaluation order, " + stages.subList(1, stages.size()) + ")" : "");
    return isDecision() ? what : what + " [reading: " + describePicks() + "]";
  }
}
