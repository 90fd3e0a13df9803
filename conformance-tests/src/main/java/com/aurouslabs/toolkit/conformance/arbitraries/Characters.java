package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** character_id states: none, ready, not ready, another team's, unknown, malformed (fixture states only if known). */
public final class Characters {

  private Characters() {}

  /** A well-formed id no team has: char_ + a valid ULID, or a UUID (legacy form). */
  public static Arbitrary<String> unknownId() {
    return Arbitraries.frequencyOf(Tuple.of(4, Ids.ulid().map(s -> "char_" + s)), Tuple.of(1, Ids.uuid()));
  }

  /** Not a character id at all (may be refused as malformed, 400, or looked up and not found, 404). */
  public static Arbitrary<String> malformedId() {
    return Ids.malformedUlid().map(s -> "char_" + s);
  }

  /**
   * One arbitrary per character state, in a fixed order (none, ready, not ready, another team's, unknown, malformed;
   * a fixture state only when the fixture is known). Tag = state; value = the id, or null for "no character".
   */
  public static List<Arbitrary<Tagged<Object>>> states(Fixtures fixtures) {
    List<Arbitrary<Tagged<Object>>> out = new ArrayList<>();
    out.add(Arbitraries.just(Numbers.t("none", null)));
    if (fixtures.has(Fixture.READY_CHARACTER)) {
      out.add(Arbitraries.of(fixtures.all(Fixture.READY_CHARACTER)).map(id -> Numbers.t("ready", id)));
    }
    if (fixtures.has(Fixture.NOT_READY_CHARACTER)) {
      out.add(Arbitraries.of(fixtures.all(Fixture.NOT_READY_CHARACTER)).map(id -> Numbers.t("not-ready", id)));
    }
    fixtures.get(Fixture.FOREIGN_CHARACTER).ifPresent(id -> out.add(Arbitraries.just(Numbers.t("foreign", id))));
    out.add(unknownId().map(id -> Numbers.t("unknown", id)));
    out.add(malformedId().map(id -> Numbers.t("malformed", id)));
    return out;
  }
}
