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

  /**
   * Same rule, answered as the catalog's {@code alternative} reading says (another status, code or param where the
   * docs are silent); {@code param} literal in the alternative replaces the item-level params.
   */
  public Violation asCatalogAlternative() {
    Rule.Alternative a = rule.alternative();
    if (a == null) {
      throw new IllegalStateException(rule.id() + " has no alternative in the catalog");
    }
    Set<String> ps = !a.paramSet() ? params : a.param() == null ? Set.of()
        : a.param().contains("{") ? params : Set.of(a.param());
    return new Violation(rule, ps, a.status(), a.type(), a.code(), "the catalog's alternative reading");
  }

  @Override
  public String toString() {
    return rule.id() + " -> " + status + " " + type + "/" + code + " param="
        + (params.isEmpty() ? "null" : params.size() == 1 ? params.iterator().next() : params)
        + (note == null ? "" : " (" + note + ")");
  }
}
