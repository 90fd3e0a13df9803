package com.aurouslabs.toolkit.conformance.config;

import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.MockServer;
import java.util.Optional;

/**
 * What the suite talks to: a base URL with its key and fixtures. Without {@code AUROUS_BASE_URL} it is the mock,
 * started in-process on a random port (only run as a target: nothing here asks it what is right).
 */
public final class Target implements AutoCloseable {

  /** The embedded mock's bucket is made effectively unlimited; RATE-LIMIT-BUCKET is tested on its own mock. */
  private static final int UNLIMITED = 1_000_000_000;

  private final String baseUrl;
  private final String apiKey;
  private final boolean embeddedMock;
  private final Fixtures fixtures;
  private final MockServer mock;
  private final String description;

  private Target(String baseUrl, String apiKey, boolean embeddedMock, Fixtures fixtures, MockServer mock,
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
      String key = settings.get(Setting.API_KEY).orElseThrow(() -> new IllegalStateException(
          "AUROUS_BASE_URL is set (" + url.get() + ") but AUROUS_API_KEY is not: set AUROUS_API_KEY "
              + "(or -Daurous.api.key) to a key of the target, or unset AUROUS_BASE_URL to test the embedded mock."));
      if (!url.get().startsWith("http://") && !url.get().startsWith("https://")) {
        throw new IllegalStateException("AUROUS_BASE_URL must start with http:// or https://, got " + url.get());
      }
      String u = url.get().replaceAll("/+$", "");
      return new Target(u, key, false, Fixtures.resolve(settings, false), null, u);
    }
    String defect = settings.get(Setting.MOCK_DEFECT).map(Defects::canonical).orElse(Defects.NONE);
    Profile profile = profile(settings);
    MockServer server = MockServer.start(MockOptions.builder().port(0).defect(defect).profile(profile)
        .spec(settings.get(Setting.SPEC).map(java.nio.file.Path::of).orElse(null))
        .rateLimit(UNLIMITED, UNLIMITED / 2).build());
    String description = "embedded mock " + server.baseUrl() + (profile == Profile.DEFAULT ? "" : " (" + profile.label() + " profile)")
        + (defect.equals(Defects.NONE) ? "" : " with defect " + defect)
        + settings.get(Setting.SPEC).map(s -> " on spec " + s).orElse("");
    return new Target(server.baseUrl(), Fixture.MOCK_API_KEY, true, Fixtures.resolve(settings, true), server,
        description);
  }

  /** The reading the embedded mock serves: AUROUS_MOCK_PROFILE (default or alternative). */
  public static Profile profile(Settings settings) {
    return settings.get(Setting.MOCK_PROFILE).map(Profile::parse).orElse(Profile.DEFAULT);
  }

  /**
   * A dedicated mock (Pact replay, bucket drain, misconfiguration tests) with the run's profile, the given defect and
   * bucket capacity (per minute refill = capacity / 2, as the real ratio).
   */
  public static MockServer startMock(Settings settings, String defect, int bucketCapacity) {
    MockOptions options = MockOptions.builder().port(0).defect(defect).profile(profile(settings))
        .rateLimit(bucketCapacity, Math.max(1, bucketCapacity / 2)).build();
    return MockServer.start(options);
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
      mock.stop();
    }
  }
}
