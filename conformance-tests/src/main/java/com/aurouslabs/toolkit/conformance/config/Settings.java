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

  /**
   * The one place the suite reads its configuration: {@code first} (launcher configuration parameters, or the
   * runner's map), then system properties, then the environment.
   */
  public static Settings standard(Function<String, Optional<String>> first) {
    return new Settings(first, System::getProperty, System::getenv);
  }

  /** System properties and environment only. */
  public static Settings fromSystem() {
    return standard(k -> Optional.empty());
  }

  /** {@code values} first, then system properties and environment (the runner, the JUnit entry). */
  public static Settings over(Map<String, String> values) {
    return standard(k -> Optional.ofNullable(values.get(k)));
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

  /**
   * How whoever runs the suite sets {@code s}, for the one line that asks for it: the runner's launcher parameter
   * {@code aurous.hint.<name>} (the CLI gives {@code --base-url}, or the environment variable {@code --api-key-env}
   * names; the JUnit entry the variable its {@code apiKeyEnv} names), else empty and the message names the setting's
   * variable and system property. Read from the launcher parameters only: a hint is the runner's, never the user's.
   */
  public Optional<String> hint(Setting s) {
    return launcherParameters.apply(hintKey(s)).filter(x -> !x.isBlank()).map(String::trim);
  }

  /** {@code aurous.hint.base_url} for {@link Setting#BASE_URL}: the launcher parameter of {@link #hint}. */
  public static String hintKey(Setting s) {
    return "aurous.hint." + s.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** An environment variable by name (the JUnit entry's {@code apiKeyEnv}); blank counts as unset. */
  public Optional<String> variable(String name) {
    String v = environment.apply(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** A comma list, trimmed, without blanks; empty when unset. */
  public java.util.Set<String> list(Setting s) {
    return get(s).map(v -> java.util.Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty())
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)))
        .map(java.util.Set::copyOf).orElse(java.util.Set.of());
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
