package com.aurouslabs.toolkit.conformance.jqwik;

import com.aurouslabs.toolkit.conformance.Conformance;
import java.util.List;
import java.util.Set;
import net.jqwik.api.statistics.Statistics;

/**
 * Checked coverage: each listed class (a tag, or a group of tags) must occur at least once per property run, so
 * a generator that stops producing a boundary or combination class fails the build. Enforced when a property
 * runs 100 tries or more (the default); with fewer tries (e.g. {@code AUROUS_TRIES=20} against a live API)
 * the classes are only collected, since rare classes may legitimately not occur.
 */
public final class Coverage {

  public static final int ENFORCED_FROM_TRIES = 100;

  private Coverage() {}

  public static boolean enforced() {
    return Conformance.run().tries() >= ENFORCED_FROM_TRIES;
  }

  /** Collects {@code value} under {@code label}. */
  public static void collect(String label, Object... values) {
    Statistics.label(label).collect(values);
  }

  /** Each group (a set of collected values) must have occurred at least once under {@code label}. */
  public static void require(String label, List<Set<String>> groups) {
    if (!enforced()) {
      return;
    }
    Statistics.label(label).coverage(c -> {
      for (Set<String> g : groups) {
        c.checkQuery(values -> g.contains(String.valueOf(values.get(0))))
            .count((java.util.function.Consumer<Integer>) n -> {
              if (n < 1) {
                throw new AssertionError("coverage: no generated case of class " + g + " under '" + label
                    + "': a generator stopped producing it");
              }
            });
      }
    });
  }

  public static void require(String label, String... each) {
    require(label, java.util.Arrays.stream(each).map(Set::of).toList());
  }
}
