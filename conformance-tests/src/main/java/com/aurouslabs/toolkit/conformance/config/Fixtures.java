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

  /** The fixture's (first) value. */
  public Optional<String> get(Fixture f) {
    return all(f).stream().findFirst();
  }

  /** Every value of a fixture that may name several (comma-separated), in order. */
  public java.util.List<String> all(Fixture f) {
    String v = values.get(f);
    if (v == null) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  /** Whether {@code value} is one of the fixture's values. */
  public boolean is(Fixture f, String value) {
    return all(f).contains(value);
  }

  public boolean has(Fixture f) {
    return values.containsKey(f);
  }

  /** The value, or a JUnit/jqwik-compatible abort (reported as SKIPPED) naming the variable to set. */
  public String require(Fixture f) {
    return get(f).orElseThrow(() -> new org.opentest4j.TestAbortedException("fixture " + f + " missing: "
        + f.howToSet()));
  }
}
