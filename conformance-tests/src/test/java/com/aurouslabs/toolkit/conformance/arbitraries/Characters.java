package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** character_id states: none, ready, not ready, another team's, unknown (only states whose fixture is known). */
public final class Characters {

  private Characters() {}

  public static Arbitrary<String> unknownId() {
    return Arbitraries.strings().withChars("0123456789ABCDEFGHJKMNPQRSTVWXYZ").ofLength(26).map(s -> "char_" + s);
  }

  /** Tag = state; value = the id, or null for "no character". */
  public static Arbitrary<Tagged<Object>> state(Fixtures fixtures) {
    List<Tuple.Tuple2<Integer, Arbitrary<Tagged<Object>>>> f = new ArrayList<>();
    f.add(Tuple.of(4, Arbitraries.just(Numbers.t("none", null))));
    fixtures.get(Fixture.READY_CHARACTER).ifPresent(id -> f.add(Tuple.of(4, Arbitraries.just(Numbers.t("ready", id)))));
    fixtures.get(Fixture.NOT_READY_CHARACTER)
        .ifPresent(id -> f.add(Tuple.of(3, Arbitraries.just(Numbers.t("not-ready", id)))));
    fixtures.get(Fixture.FOREIGN_CHARACTER)
        .ifPresent(id -> f.add(Tuple.of(3, Arbitraries.just(Numbers.t("foreign", id)))));
    f.add(Tuple.of(3, unknownId().map(id -> Numbers.t("unknown", id))));
    return Arbitraries.frequencyOf(f.toArray(Tuple.Tuple2[]::new));
  }
}
