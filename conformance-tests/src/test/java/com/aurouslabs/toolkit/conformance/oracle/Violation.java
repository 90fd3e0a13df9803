package com.aurouslabs.toolkit.conformance.oracle;

import com.aurouslabs.toolkit.conformance.spec.Rule;
import java.util.Set;

/**
 * A rule the request breaks, with the answer expected for it: the rule's outcome, or (under an alternative
 * reading) another one ({@code status}/{@code type}/{@code code} overridden, {@code note} saying why).
 * {@code params} are the acceptable values of {@code error.param} (several when the same rule is broken at several
 * places); empty = null.
 */
public record Violation(Rule rule, Set<String> params, Integer status, String type, String code, String note) {

  public static Violation of(Rule rule, Set<String> params) {
    return new Violation(rule, params, rule.status(), rule.type(), rule.code(), null);
  }

  public String ruleId() {
    return rule.id();
  }

  /** Same rule and params, answered with another status/type/code (an alternative reading). */
  public Violation answeredAs(int status, String type, String code, String note) {
    return new Violation(rule, params, status, type, code, note);
  }

  @Override
  public String toString() {
    return rule.id() + " -> " + status + " " + type + "/" + code + " param="
        + (params.isEmpty() ? "null" : params.size() == 1 ? params.iterator().next() : params)
        + (note == null ? "" : " (" + note + ")");
  }
}
