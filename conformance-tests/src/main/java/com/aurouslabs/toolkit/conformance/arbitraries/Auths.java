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
    return Arbitraries.of(modes(fixtures));
  }

  /**
   * The modes whose keys are available, ordered so that the first six exercise every auth rule (a revoked key, the
   * Bearer alias, no key, an unknown key, X-Api-Key over Bearer, a legacy key); a property that takes them in turn
   * reaches every rule even with 10 tries.
   */
  public static List<Auth> modes(Fixtures fixtures) {
    List<Auth> modes = new ArrayList<>(List.of(Auth.REVOKED_KEY, Auth.BEARER, Auth.NONE, Auth.UNKNOWN_KEY,
        Auth.BAD_KEY_WINS_OVER_BEARER, Auth.LEGACY_KEY));
    for (Auth a : Auth.values()) {
      if (!modes.contains(a)) {
        modes.add(a);
      }
    }
    if (!fixtures.has(Fixture.REVOKED_KEY)) {
      modes.remove(Auth.REVOKED_KEY);
    }
    if (!fixtures.has(Fixture.LEGACY_KEY)) {
      modes.remove(Auth.LEGACY_KEY);
    }
    return List.copyOf(modes);
  }
}
