package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The failures of one property (or test) through all its tries: per rule, how many cases failed it and the
 * smallest of them (shortest request), so the property fails once at its end naming every failing rule, and no
 * rule's failure steers the search away from another's (no exception, hence no shrinking, per try).
 */
public final class Scope {

  /** One failing rule: count, first message and the smallest failing case. */
  public static final class Failure {
    private int count;
    private String message;
    private String where;
    private int size = Integer.MAX_VALUE;

    public int count() {
      return count;
    }

    public String message() {
      return message;
    }

    @Override
    public String toString() {
      return message + where;
    }
  }

  private final String name;
  private final Map<String, Failure> failures = new LinkedHashMap<>();
  private final Set<String> warned = new LinkedHashSet<>();

  Scope(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  synchronized void failed(String ruleId, String message, String where, EstimateCase c) {
    Failure f = failures.computeIfAbsent(ruleId, k -> new Failure());
    f.count++;
    int size = c == null ? Integer.MAX_VALUE - 1 : c.toString().length();
    if (f.message == null || size < f.size) {
      f.message = message;
      f.where = where;
      f.size = size;
    }
  }

  synchronized void warned(String ruleId) {
    warned.add(ruleId);
  }

  public synchronized Map<String, Failure> failures() {
    return Map.copyOf(failures);
  }

  public synchronized Set<String> warnedRules() {
    return Set.copyOf(warned);
  }

  /** The scope's failure message, if any rule failed: every failing rule with its smallest case. */
  public synchronized Optional<String> failure() {
    if (failures.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder(failures.size() + " rule(s) failed in " + name + ": "
        + String.join(", ", failures.keySet()));
    failures.forEach((rule, f) -> sb.append("\n\n").append(rule).append(" (").append(f.count)
        .append(f.count == 1 ? " case" : " cases").append("; smallest:)\n").append(f.message).append(f.where));
    return Optional.of(sb.toString());
  }
}
