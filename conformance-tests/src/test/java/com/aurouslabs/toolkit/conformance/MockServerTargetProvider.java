package com.aurouslabs.toolkit.conformance;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.spi.EmbeddedTargetProvider;
import com.aurouslabs.toolkit.conformance.spi.EmbeddedTargetRequest;
import com.aurouslabs.toolkit.conformance.spi.RunningTarget;
import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.MockServer;
import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.defect.Defects;

/**
 * This module's build plugs the mock-server in as the embedded target (META-INF/services in src/test): the
 * published suite does not depend on the mock, and mock-server does not depend on the suite.
 */
public final class MockServerTargetProvider implements EmbeddedTargetProvider {

  @Override
  public RunningTarget start(EmbeddedTargetRequest request) {
    String defect = request.defect() == null ? Defects.NONE : Defects.canonical(request.defect());
    Profile profile = request.profile() == null ? Profile.DEFAULT : Profile.parse(request.profile());
    MockServer server = MockServer.start(MockOptions.builder().port(0).defect(defect).profile(profile)
        .spec(request.spec()).rateLimit(request.bucketCapacity(), Math.max(1, request.bucketCapacity() / 2)).build());
    String description = "embedded mock " + server.baseUrl()
        + (profile == Profile.DEFAULT ? "" : " (" + profile.label() + " profile)")
        + (defect.equals(Defects.NONE) ? "" : " with defect " + defect)
        + (request.spec() == null ? "" : " on spec " + request.spec());
    return new RunningTarget() {
      @Override
      public String baseUrl() {
        return server.baseUrl();
      }

      @Override
      public String apiKey() {
        return Fixture.MOCK_API_KEY;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public void reset() {
        server.reset();
      }

      @Override
      public long requestCount() {
        return server.journal().entries().size();
      }

      @Override
      public void clearRequestCount() {
        server.journal().clear();
      }

      @Override
      public void close() {
        server.stop();
      }
    };
  }
}
