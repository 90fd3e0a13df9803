package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Aurous-Version values around the released versions of the spec: absent, released, the day before and after
 * the newest release, far past and future dates, impossible calendar dates, off-pattern strings.
 */
public final class Versions {

  private Versions() {}

  public static Arbitrary<Tagged<Object>> header() {
    return Arbitraries.oneOf(classes());
  }

  /** One arbitrary per class (absent, released, prior date, future, not a date, off pattern), for taking in turn. */
  public static List<Arbitrary<Tagged<Object>>> classes() {
    List<String> released = Conformance.run().spec().versions();
    LocalDate newest = LocalDate.parse(released.get(released.size() - 1));
    return List.of(
        Arbitraries.just(Numbers.t("absent", null)),
        Arbitraries.of(released).map(v -> Numbers.t("released", v)),
        Arbitraries.of(newest.minusDays(1), newest.minusYears(1), LocalDate.of(2000, 1, 1))
            .map(d -> Numbers.t("prior-date", d.toString())),
        Arbitraries.of(newest.plusDays(1), newest.plusYears(73)).map(d -> Numbers.t("future", d.toString())),
        Arbitraries.of("2026-02-30", "2026-13-01", "2025-02-29", "2026-00-10", "2026-05-32")
            .map(v -> Numbers.t("not-a-date", v)),
        Arbitraries.of("latest", "2026-5-15", "20260515", "2026/05/15", " 2026-05-15x", "v1", "2026-05-15T00:00:00Z")
            .map(v -> Numbers.t("off-pattern", v)));
  }
}
