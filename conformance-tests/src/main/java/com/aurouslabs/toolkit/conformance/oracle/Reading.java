package com.aurouslabs.toolkit.conformance.oracle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One reading of the docs: an option for each {@link Choice} (the decision unless picked otherwise). Records
 * which choices the oracle consulted, so only those are explored.
 */
public final class Reading {

  private final Map<Choice, Integer> picks;
  private final Set<Choice> touched = EnumSet.noneOf(Choice.class);

  public Reading(Map<Choice, Integer> picks) {
    this.picks = picks.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(picks));
  }

  public static Reading decision() {
    return new Reading(Map.of());
  }

  /** The option of {@code c} in this reading (0 = the decision); marks {@code c} as one that matters here. */
  public int option(Choice c) {
    touched.add(c);
    return picks.getOrDefault(c, 0);
  }

  /** {@code option(c) == option}. */
  public boolean is(Choice c, int option) {
    return option(c) == option;
  }

  /** True unless this reading takes the decision on {@code c}. */
  public boolean alternative(Choice c) {
    return option(c) != 0;
  }

  public Map<Choice, Integer> picks() {
    return picks;
  }

  Set<Choice> touched() {
    return touched;
  }
}
