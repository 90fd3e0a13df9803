package com.aurouslabs.toolkit.conformance.oracle;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the catalog says about one request: either accepted (200), naming the accept rules the request
 * exercises, or rejected, listing the violations of which the answer must match ONE (the catalog leaves the
 * evaluation order within a group to the implementation).
 */
public record Expectation(List<Violation> violations, List<String> acceptRules) {

  public boolean accepted() {
    return violations.isEmpty();
  }

  public boolean violates(String ruleId) {
    return violations.stream().anyMatch(v -> v.ruleId().equals(ruleId));
  }

  public boolean involves(String ruleId) {
    return violates(ruleId) || acceptRules.contains(ruleId);
  }

  public List<String> ruleIds() {
    return accepted() ? acceptRules : violations.stream().map(Violation::ruleId).distinct().collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return accepted() ? "200 (" + String.join(", ", acceptRules) + ")" : "one of " + violations;
  }
}
