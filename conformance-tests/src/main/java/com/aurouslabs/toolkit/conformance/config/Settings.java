package com.aurouslabs.toolkit.conformance.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable view of the configuration: launcher configuration parameters first, then system properties,
 * then environment variables. Blank values count as unset.
 */
public final class Settings {

  private final Function<String, Optional<String>> launcherParameters;
  private final Function<String, String> systemProperties;
  private final Function<String, String> environment;

  public Settings(Function<String, Optional<String>> launcherParameters,
      Function<String, String> systemProperties, Function<String, String> environment) {
    this.launcherParameters = launcherParameters;
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /** System properties and environment only. */
  public static Settings fromSystem() {
    return new Settings(k -> Optional.empty(), System::getProperty, System::getenv);
  }

  /** For unit tests of the plumbing. */
  public static Settings of(Map<String, String> values) {
    return new Settings(k -> Optional.ofNullable(values.get(k)), k -> null, k -> null);
  }

  public Optional<String> get(Setting s) {
    Optional<String> v = launcherParameters.apply(s.property()).filter(x -> !x.isBlank());
    if (v.isPresent()) {
      return v.map(String::trim);
    }
    String sys = systemProperties.apply(s.property());
    if (sys != null && !sys.isBlank()) {
      return Optional.of(sys.trim());
    }
    String env = environment.apply(s.env());
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
  }

  /** Any other key (e.g. {@code jqwik.tries.default}), same precedence without the environment. */
  public Optional<String> raw(String key) {
    Optional<String> v = launcherParameters.apply(key).filter(x -> !x.isBlank());
    return v.isPresent() ? v : Optional.ofNullable(systemProperties.apply(key)).filter(x -> !x.isBlank());
  }

  public boolean flag(Setting s) {
    return get(s).map(Boolean::parseBoolean).orElse(false);
  }

  public Optional<Double> number(Setting s) {
    return get(s).map(v -> {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new ConfigurationException(s.env() + " (or -D" + s.property() + ") must be a number, got '" + v + "'");
      }
    });
  }
}
