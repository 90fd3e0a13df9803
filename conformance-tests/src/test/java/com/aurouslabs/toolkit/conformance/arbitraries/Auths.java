package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.http.Auth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Authentication modes whose keys are available on the target. */
public final class Auths {

  private Auths() {}

  public static Arbitrary<Auth> any(Fixtures fixtures) {
    List<Auth> modes = new ArrayList<>(List.of(Auth.values()));
    if (!fixtures.has(Fixture.REVOKED_KEY)) {
      modes.remove(Auth.REVOKED_KEY);
    }
    if (!fixtures.has(Fixture.LEGACY_KEY)) {
      modes.remove(Auth.LEGACY_KEY);
    }
    return Arbitraries.of(modes);
  }
}
