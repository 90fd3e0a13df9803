package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import java.util.ArrayList;
import java.util.List;

/**
 * Several checks whose failures are all recorded before the property fails, so a relational invariant (e.g.
 * PRICE-REFS-FREE) is judged even when one answer also breaks the response shape.
 */
public final class Batch {

  private final List<AssertionError> failures = new ArrayList<>();

  public Exchange check(String rule, EstimateCase c) {
    try {
      return Conformance.check(rule, c);
    } catch (ConformanceFailure f) {
      failures.add(f);
      return f.exchange();
    }
  }

  public void invariant(String rule, boolean holds, String message, Exchange... evidence) {
    try {
      Conformance.invariant(rule, holds, message, evidence);
    } catch (ConformanceFailure f) {
      failures.add(f);
    }
  }

  /** Throws the collected failures, invariants first (they name the rule the property is about). */
  public void verify() {
    if (!failures.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (int i = failures.size() - 1; i >= 0; i--) {
        sb.append(failures.get(i).getMessage()).append('\n');
      }
      throw new AssertionError(sb.toString().trim());
    }
  }
}
