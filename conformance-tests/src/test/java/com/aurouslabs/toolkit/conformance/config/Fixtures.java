package com.aurouslabs.toolkit.conformance.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The fixtures known for the current target. */
public final class Fixtures {

  private final Map<Fixture, String> values;

  private Fixtures(Map<Fixture, String> values) {
    this.values = values;
  }

  /** Configured values; for the embedded mock, the built-in fixtures fill the gaps. */
  public static Fixtures resolve(Settings settings, boolean embeddedMock) {
    Map<Fixture, String> values = new EnumMap<>(Fixture.class);
    for (Fixture f : Fixture.values()) {
      Optional<String> v = settings.get(f.setting());
      if (v.isPresent()) {
        values.put(f, v.get());
      } else if (embeddedMock) {
        values.put(f, f.mockDefault());
      }
    }
    return new Fixtures(values);
  }

  public Optional<String> get(Fixture f) {
    return Optional.ofNullable(values.get(f));
  }

  public boolean has(Fixture f) {
    return values.containsKey(f);
  }

  /** The value, or a JUnit/jqwik-compatible abort (reported as SKIPPED) naming the variable to set. */
  public String require(Fixture f) {
    String v = values.get(f);
    if (v == null) {
      throw new org.opentest4j.TestAbortedException("fixture " + f + " missing: " + f.howToSet());
    }
    return v;
  }
}
