package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.Conformance;
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

  /** The dimension fields: those whose description cites DIM-PAIR (width and height). */
  public static List<String> fields() {
    return Conformance.run().spec().fieldsCiting("DIM-PAIR");
  }

  /** The preset field: the one whose description cites SIZE-ENUM (size). */
  public static String sizeField() {
    return Conformance.run().spec().fieldsCiting("SIZE-ENUM").get(0);
  }

  public static Range range() {
    return Conformance.run().spec().range(fields().get(0));
  }

  public static int grid() {
    return Conformance.run().spec().snapMultiple();
  }

  /** One dimension value: boundaries ({@link Numbers}) plus the snapping classes. */
  public static Arbitrary<Tagged<Object>> dimension() {
    return Arbitraries.frequencyOf(Tuple.of(5, Numbers.of(fields().get(0))), Tuple.of(5, snapping()));
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

  /** The server's snap as this project decides it: nearest multiple of the grid, ties up (DIM-SNAP-32). */
  public static long snap(long v) {
    int g = grid();
    return Math.floorDiv(v + g / 2, g) * g;
  }

  /**
   * The snapped values the docs allow: the nearest multiple(s); for a fraction (accepted only in another reading of
   * BODY-INTEGER) also those of the whole numbers around it, since rounding first is as defensible.
   */
  public static java.util.Set<Long> allowedSnaps(java.math.BigDecimal v) {
    java.util.Set<Long> out = new java.util.TreeSet<>(nearest(v));
    if (v.stripTrailingZeros().scale() > 0) {
      out.addAll(nearest(v.setScale(0, java.math.RoundingMode.FLOOR)));
      out.addAll(nearest(v.setScale(0, java.math.RoundingMode.CEILING)));
    }
    return out;
  }

  /** This project's snap of any in-range value (DIM-SNAP-32): nearest multiple, ties up. */
  public static long snapDecision(java.math.BigDecimal v) {
    java.util.Set<Long> n = nearest(v);
    return n.stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  /** Whether {@code v} lies exactly between two multiples of the grid (the docs leave the rounding open). */
  public static boolean tie(java.math.BigDecimal v) {
    java.math.BigDecimal g = java.math.BigDecimal.valueOf(grid());
    return v.remainder(g).abs().compareTo(g.divide(java.math.BigDecimal.valueOf(2))) == 0;
  }

  /** The nearest multiple(s) of the grid: one, or both neighbours of a tie (DIM-SNAP-32's documented part). */
  public static java.util.Set<Long> nearest(java.math.BigDecimal v) {
    java.math.BigDecimal g = java.math.BigDecimal.valueOf(grid());
    long down = v.divide(g, 0, java.math.RoundingMode.FLOOR).longValueExact() * grid();
    long up = down + grid();
    int cmp = v.subtract(java.math.BigDecimal.valueOf(down)).compareTo(java.math.BigDecimal.valueOf(up).subtract(v));
    return cmp < 0 ? java.util.Set.of(down) : cmp > 0 ? java.util.Set.of(up) : java.util.Set.of(down, up);
  }

  public static Arbitrary<String> preset() {
    return Arbitraries.of(Conformance.run().spec().enumValues(sizeField()));
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
    String size = sizeField();
    String width = fields().get(0);
    String height = fields().get(1);
    return Combinators.combine(Arbitraries.of(Shape.class), preset(), dim, dim).as((shape, p, w, h) -> {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      switch (shape) {
        case NONE -> { }
        case SIZE -> m.put(size, p);
        case DIMS -> { m.put(width, w); m.put(height, h); }
        case SIZE_AND_DIMS -> { m.put(size, p); m.put(width, w); m.put(height, h); }
        case SIZE_AND_WIDTH -> { m.put(size, p); m.put(width, w); }
        case SIZE_AND_HEIGHT -> { m.put(size, p); m.put(height, h); }
        case LONE_WIDTH -> m.put(width, w);
        case LONE_HEIGHT -> m.put(height, h);
        default -> throw new IllegalStateException();
      }
      return new Tagged<>(shape.name(), m);
    });
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
