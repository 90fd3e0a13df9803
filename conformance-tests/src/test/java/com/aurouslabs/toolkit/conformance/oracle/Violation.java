package com.aurouslabs.toolkit.conformance.oracle;

import com.aurouslabs.toolkit.conformance.spec.Rule;
import java.util.Set;

/**
 * A rule the request breaks, with the outcome the catalog expects for it. {@code params} are the acceptable
 * values of {@code error.param} (several when the same rule is broken at several places); empty = null.
 */
public record Violation(Rule rule, Set<String> params) {

  public String ruleId() {
    return rule.id();
  }

  @Override
  public String toString() {
    return rule.id() + " -> " + rule.status() + " " + rule.type() + "/" + rule.code() + " param="
        + (params.isEmpty() ? "null" : params.size() == 1 ? params.iterator().next() : params);
  }
}
