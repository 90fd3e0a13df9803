package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * width/height, size presets and their combinations. Bounds and the snapping grid come from the spec. Tags add
 * {@code multiple, non-multiple, midpoint, off-by-one-of-multiple} to {@link Numbers}' boundary classes.
 */
public final class Dimensions {

  private Dimensions() {}

  public static Range range() {
    return SpecDocument.get().range("width");
  }

  public static int grid() {
    return SpecDocument.get().snapMultiple();
  }

  /** One dimension value: boundaries ({@link Numbers}) plus the snapping classes. */
  public static Arbitrary<Tagged<Object>> dimension() {
    return Arbitraries.frequencyOf(Tuple.of(5, Numbers.of("width")), Tuple.of(5, snapping()));
  }

  /** In-range values around the snapping grid: multiples, +-1 of a multiple, midpoints, any non-multiple. */
  public static Arbitrary<Tagged<Object>> snapping() {
    int g = grid();
    long min = range().minLong();
    long max = range().maxLong();
    Arbitrary<Long> k = Arbitraries.longs().between(ceilDiv(min, g), max / g);
    List<Tuple.Tuple2<Integer, Arbitrary<Tagged<Object>>>> f = new ArrayList<>();
    f.add(Tuple.of(3, k.map(x -> Numbers.t("multiple", x * g))));
    f.add(Tuple.of(3, k.map(x -> x * g + g / 2).filter(v -> v <= max).map(v -> Numbers.t("midpoint", v))));
    f.add(Tuple.of(3, k.flatMap(x -> Arbitraries.of(x * g - 1, x * g + 1)).filter(v -> v >= min && v <= max)
        .map(v -> Numbers.t("off-by-one-of-multiple", v))));
    f.add(Tuple.of(3, nonMultiple().map(v -> Numbers.t("non-multiple", v))));
    return Arbitraries.frequencyOf(f.toArray(Tuple.Tuple2[]::new));
  }

  /** Every in-range whole number that is not a multiple of the grid (DIM-SNAP-32). */
  public static Arbitrary<Long> nonMultiple() {
    return Arbitraries.longs().between(range().minLong(), range().maxLong()).filter(v -> v % grid() != 0)
        .edgeCases(c -> c.add(range().minLong() + 1, range().maxLong() - 1));
  }

  /** The server's snap: nearest multiple of the grid, ties up (DIM-SNAP-32). */
  public static long snap(long v) {
    int g = grid();
    return Math.floorDiv(v + g / 2, g) * g;
  }

  public static Arbitrary<String> preset() {
    return Arbitraries.of(SpecDocument.get().sizePresets());
  }

  /** Size values: a valid preset or a near miss (old names, case, padding, unknown ratio). */
  public static Arbitrary<Tagged<Object>> size() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, preset().map(p -> Numbers.t("preset", p))),
        Tuple.of(4, Arbitraries.of("hd_square", "2K_1_1", "2k_1_1 ", "", "4k_5_4", "2k-1-1", "8k_1_1",
            "square_hd").map(p -> Numbers.t("invalid", p))),
        Tuple.of(1, Numbers.wrongType()));
  }

  /** Which of size / width / height a request carries. */
  public enum Shape { NONE, SIZE, DIMS, SIZE_AND_DIMS, SIZE_AND_WIDTH, SIZE_AND_HEIGHT, LONE_WIDTH, LONE_HEIGHT }

  /** size x width/height combinations with values (the fields to put in the body). */
  public static Arbitrary<Tagged<Map<String, Object>>> shapes(boolean validValues) {
    Arbitrary<Object> dim = validValues ? Arbitraries.longs().between(range().minLong(), range().maxLong())
        .map(v -> (Object) v) : dimension().map(Tagged::value);
    return Combinators.combine(Arbitraries.of(Shape.class), preset(), dim, dim).as((shape, p, w, h) -> {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      switch (shape) {
        case NONE -> { }
        case SIZE -> m.put("size", p);
        case DIMS -> { m.put("width", w); m.put("height", h); }
        case SIZE_AND_DIMS -> { m.put("size", p); m.put("width", w); m.put("height", h); }
        case SIZE_AND_WIDTH -> { m.put("size", p); m.put("width", w); }
        case SIZE_AND_HEIGHT -> { m.put("size", p); m.put("height", h); }
        case LONE_WIDTH -> m.put("width", w);
        case LONE_HEIGHT -> m.put("height", h);
        default -> throw new IllegalStateException();
      }
      return new Tagged<>(shape.name(), m);
    });
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
