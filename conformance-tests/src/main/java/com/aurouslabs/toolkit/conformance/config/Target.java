package com.aurouslabs.toolkit.conformance.config;

import com.aurouslabs.toolkit.conformance.spi.EmbeddedTargetProvider;
import com.aurouslabs.toolkit.conformance.spi.EmbeddedTargetRequest;
import com.aurouslabs.toolkit.conformance.spi.RunningTarget;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What the suite talks to: a base URL with its key and fixtures. Without {@code AUROUS_BASE_URL} it is an embedded
 * target (the mock of this project's build) found through {@link EmbeddedTargetProvider}, started in-process on a
 * random port (only run as a target: nothing here asks it what is right).
 */
public final class Target implements AutoCloseable {

  /** The embedded mock's bucket is made effectively unlimited; RATE-LIMIT-BUCKET is tested on its own mock. */
  private static final int UNLIMITED = 1_000_000_000;

  private final String baseUrl;
  private final String apiKey;
  private final boolean embeddedMock;
  private final Fixtures fixtures;
  private final RunningTarget mock;
  private final String description;

  private Target(String baseUrl, String apiKey, boolean embeddedMock, Fixtures fixtures, RunningTarget mock,
      String description) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.embeddedMock = embeddedMock;
    this.fixtures = fixtures;
    this.mock = mock;
    this.description = description;
  }

  public static Target resolve(Settings settings) {
    Optional<String> url = settings.get(Setting.BASE_URL);
    if (url.isPresent()) {
      String key = settings.get(Setting.API_KEY).orElseThrow(() -> new ConfigurationException(
          "AUROUS_BASE_URL is set (" + url.get() + ") but AUROUS_API_KEY is not: set AUROUS_API_KEY "
              + "(or -Daurous.api.key) to a key of the target, or unset AUROUS_BASE_URL to test the embedded mock."));
      if (!url.get().startsWith("http://") && !url.get().startsWith("https://")) {
        throw new ConfigurationException("AUROUS_BASE_URL must start with http:// or https://, got " + url.get());
      }
      String u = url.get().replaceAll("/+$", "");
      return new Target(u, key, false, Fixtures.resolve(settings, false), null, u);
    }
    RunningTarget server = startEmbedded(settings, UNLIMITED);
    return new Target(server.baseUrl(), server.apiKey(), true, Fixtures.resolve(settings, true), server,
        server.description());
  }

  /** The one line a run without a URL and without an embedded target on the class path stops with. */
  public static final String NO_TARGET = "No conformance target: set AUROUS_BASE_URL (or --base-url, or "
      + "-Daurous.base.url) to the API's base URL, and AUROUS_API_KEY to a key of it.";

  private static RunningTarget startEmbedded(Settings settings, int bucketCapacity) {
    EmbeddedTargetProvider provider = ServiceLoader.load(EmbeddedTargetProvider.class).findFirst()
        .orElseThrow(() -> new ConfigurationException(NO_TARGET));
    return provider.start(new EmbeddedTargetRequest(settings.get(Setting.MOCK_PROFILE).orElse(null),
        settings.get(Setting.MOCK_DEFECT).orElse(null), settings.get(Setting.SPEC).map(java.nio.file.Path::of)
            .orElse(null), bucketCapacity));
  }

  /**
   * A dedicated embedded target (Pact replay, bucket drain, misconfiguration tests) with the run's profile and
   * spec, the given defect and bucket capacity (per minute refill = capacity / 2, as the real ratio).
   */
  public static RunningTarget startMock(Settings settings, String defect, int bucketCapacity) {
    EmbeddedTargetProvider provider = ServiceLoader.load(EmbeddedTargetProvider.class).findFirst()
        .orElseThrow(() -> new ConfigurationException(NO_TARGET));
    return provider.start(new EmbeddedTargetRequest(settings.get(Setting.MOCK_PROFILE).orElse(null), defect, null,
        bucketCapacity));
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String apiKey() {
    return apiKey;
  }

  public boolean isEmbeddedMock() {
    return embeddedMock;
  }

  public Fixtures fixtures() {
    return fixtures;
  }

  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (mock != null) {
      mock.close();
    }
  }
}
