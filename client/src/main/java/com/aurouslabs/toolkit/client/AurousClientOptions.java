package com.aurouslabs.toolkit.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Immutable configuration of an {@link AurousClient}. Build it with {@link #builder()} (validated in
 * {@link Builder#build()}) or read it from system properties and environment variables with {@link #fromEnv()}.
 *
 * <p>{@link #toString()} never shows the API key, only its prefix ({@code al_live_****}, {@code og_****}).
 */
public final class AurousClientOptions {

  public static final String DEFAULT_BASE_URL = "https://api.aurous-labs.com";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final Duration DEFAULT_INITIAL_RETRY_DELAY = Duration.ofMillis(500);
  public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(8);
  /** Upper bound on {@link Builder#maxRetries(int)}. */
  public static final int MAX_RETRIES_LIMIT = 10;

  private static final Pattern VERSION_PATTERN = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final String[] KEY_PREFIXES = {"al_live_", "al_test_", "og_"};

  private final String apiKey;
  private final String baseUrl;
  private final String apiVersion;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Duration initialRetryDelay;
  private final Duration maxRetryDelay;
  private final LogLevel logLevel;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier jitter;

  private AurousClientOptions(Builder b, String normalizedBaseUrl) {
    this.apiKey = b.apiKey;
    this.baseUrl = normalizedBaseUrl;
    this.apiVersion = b.apiVersion;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxRetries = b.maxRetries;
    this.initialRetryDelay = b.initialRetryDelay;
    this.maxRetryDelay = b.maxRetryDelay;
    this.logLevel = b.logLevel;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.jitter = b.jitter;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options from system properties and environment variables only; see {@link Builder#fromEnv()}. */
  public static AurousClientOptions fromEnv() {
    return builder().fromEnv().build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiKey = apiKey;
    b.baseUrl = baseUrl;
    b.apiVersion = apiVersion;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.maxRetries = maxRetries;
    b.initialRetryDelay = initialRetryDelay;
    b.maxRetryDelay = maxRetryDelay;
    b.logLevel = logLevel;
    b.sleeper = sleeper;
    b.clock = clock;
    b.jitter = jitter;
    return b;
  }

  public String apiKey() { return apiKey; }
  /** Base URL without a trailing slash. */
  public String baseUrl() { return baseUrl; }
  /** The {@code Aurous-Version} pin; empty means the team's pinned version applies. */
  public Optional<String> apiVersion() { return Optional.ofNullable(apiVersion); }
  public Duration connectTimeout() { return connectTimeout; }
  public Duration readTimeout() { return readTimeout; }
  /** Retries after the first attempt (so at most {@code maxRetries + 1} requests per call). */
  public int maxRetries() { return maxRetries; }
  public Duration initialRetryDelay() { return initialRetryDelay; }
  public Duration maxRetryDelay() { return maxRetryDelay; }
  public LogLevel logLevel() { return logLevel; }
  public Sleeper sleeper() { return sleeper; }
  public Clock clock() { return clock; }
  /** Source of full-jitter factors in [0, 1]. */
  public DoubleSupplier jitter() { return jitter; }

  /** The key as safe to print: its known prefix followed by {@code ****}. */
  public static String maskApiKey(String apiKey) {
    if (apiKey == null) {
      return "null";
    }
    for (String prefix : KEY_PREFIXES) {
      if (apiKey.startsWith(prefix)) {
        return prefix + "****";
      }
    }
    return "****";
  }

  @Override
  public String toString() {
    return "AurousClientOptions{apiKey=" + maskApiKey(apiKey)
        + ", baseUrl=" + baseUrl
        + ", apiVersion=" + apiVersion
        + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout
        + ", maxRetries=" + maxRetries
        + ", initialRetryDelay=" + initialRetryDelay
        + ", maxRetryDelay=" + maxRetryDelay
        + ", logLevel=" + logLevel + '}';
  }

  /** Mutable builder; nothing is checked until {@link #build()}. */
  public static final class Builder {
    private String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiVersion;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialRetryDelay = DEFAULT_INITIAL_RETRY_DELAY;
    private Duration maxRetryDelay = DEFAULT_MAX_RETRY_DELAY;
    private LogLevel logLevel = LogLevel.NONE;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }
    public Builder baseUrl(String baseUrl) { this.baseUrl = baseUrl; return this; }
    /** Pins {@code Aurous-Version} ({@code YYYY-MM-DD}); {@code null} removes the pin. */
    public Builder apiVersion(String apiVersion) { this.apiVersion = apiVersion; return this; }
    public Builder connectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; return this; }
    public Builder readTimeout(Duration readTimeout) { this.readTimeout = readTimeout; return this; }
    public Builder maxRetries(int maxRetries) { this.maxRetries = maxRetries; return this; }
    public Builder initialRetryDelay(Duration delay) { this.initialRetryDelay = delay; return this; }
    public Builder maxRetryDelay(Duration delay) { this.maxRetryDelay = delay; return this; }
    public Builder logLevel(LogLevel logLevel) { this.logLevel = logLevel; return this; }
    public Builder sleeper(Sleeper sleeper) { this.sleeper = sleeper; return this; }
    public Builder clock(Clock clock) { this.clock = clock; return this; }
    /** Full-jitter source: each backoff is {@code jitter * min(maxRetryDelay, initialRetryDelay * 2^n)}. */
    public Builder jitter(DoubleSupplier jitter) { this.jitter = jitter; return this; }

    /**
     * Sets every value found in a system property or, failing that, an environment variable. Values not found
     * keep what the builder already holds. See the README for the table.
     */
    public Builder fromEnv() {
      return fromEnv(System::getProperty, System::getenv);
    }

    Builder fromEnv(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
      EnvSource env = new EnvSource(systemProperties, environment);
      env.get("aurous.api.key", "AUROUS_API_KEY").ifPresent(this::apiKey);
      env.get("aurous.base.url", "AUROUS_BASE_URL").ifPresent(this::baseUrl);
      env.get("aurous.version", "AUROUS_VERSION").ifPresent(this::apiVersion);
      env.getLong("aurous.connect.timeout.ms", "AUROUS_CONNECT_TIMEOUT_MS")
          .ifPresent(ms -> connectTimeout(Duration.ofMillis(ms)));
      env.getLong("aurous.read.timeout.ms", "AUROUS_READ_TIMEOUT_MS")
          .ifPresent(ms -> readTimeout(Duration.ofMillis(ms)));
      env.getLong("aurous.max.retries", "AUROUS_MAX_RETRIES").ifPresent(n -> maxRetries((int) Math.max(-1, Math.min(Integer.MAX_VALUE, n))));
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalStateException if the API key is missing
     * @throws IllegalArgumentException if a value is invalid (the message never contains the key)
     */
    public AurousClientOptions build() {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalStateException(
            "apiKey is required: call apiKey(..), or set the AUROUS_API_KEY environment variable "
                + "or the aurous.api.key system property");
      }
      for (int i = 0; i < apiKey.length(); i++) {
        char c = apiKey.charAt(i);
        if (c <= 0x20 || c >= 0x7f) {
          throw new IllegalArgumentException(
              "apiKey " + maskApiKey(apiKey) + " contains whitespace or a non-printable character");
        }
      }
      String normalizedBaseUrl = normalizeBaseUrl(baseUrl);
      if (apiVersion != null && !VERSION_PATTERN.matcher(apiVersion).matches()) {
        throw new IllegalArgumentException(
            "apiVersion must match ^\\d{4}-\\d{2}-\\d{2}$ (for example 2026-05-15), got '" + apiVersion + "'");
      }
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("readTimeout", readTimeout);
      if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
        throw new IllegalArgumentException(
            "maxRetries must be between 0 and " + MAX_RETRIES_LIMIT + ", got " + maxRetries);
      }
      requirePositive("initialRetryDelay", initialRetryDelay);
      requirePositive("maxRetryDelay", maxRetryDelay);
      if (maxRetryDelay.compareTo(initialRetryDelay) < 0) {
        throw new IllegalArgumentException("maxRetryDelay (" + maxRetryDelay
            + ") must not be shorter than initialRetryDelay (" + initialRetryDelay + ")");
      }
      Objects.requireNonNull(logLevel, "logLevel");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(jitter, "jitter");
      return new AurousClientOptions(this, normalizedBaseUrl);
    }

    private static void requirePositive(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
      }
    }

    private static String normalizeBaseUrl(String url) {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("baseUrl must not be blank");
      }
      URI uri;
      try {
        uri = new URI(url.trim());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URI: " + url, e);
      }
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + url);
      }
      if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must not carry user info, a query or a fragment");
      }
      String s = uri.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    }
  }

  /** System property first, then environment variable; blank counts as unset. */
  private record EnvSource(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    Optional<String> get(String property, String variable) {
      String value = properties.apply(property);
      if (value == null || value.isBlank()) {
        value = environment.apply(variable);
      }
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    Optional<Long> getLong(String property, String variable) {
      return get(property, variable).map(v -> {
        try {
          return Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              variable + " (or " + property + ") must be a whole number, got '" + v + "'", e);
        }
      });
    }
  }
}
