package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument.Range;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Boundary-weighted values for any numeric request field, bounds read from the spec at test time: exact bounds,
 * +-1, +-0.5, just inside/outside, whole numbers written as floats, huge and tiny values, random inside.
 * Tags: {@code min, max, inside, below, above, fraction, whole-float, huge, tiny, wrong-type}.
 */
public final class Numbers {

  private Numbers() {}

  public static Arbitrary<Tagged<Object>> of(String field) {
    Range r = Conformance.run().spec().range(field);
    Range closed = new Range(field, r.min() == null ? BigDecimal.ZERO.min(r.max() == null ? BigDecimal.ZERO
        : r.max().subtract(BigDecimal.valueOf(100))) : r.min(), r.max() == null ? (r.min() == null ? BigDecimal.valueOf(100)
        : r.min().add(BigDecimal.valueOf(100))) : r.max(), r.integer());
    return closed.integer() ? integer(closed) : decimal(closed);
  }

  /** Values for the field(s) whose description cites {@code ruleId} (e.g. STEPS-RANGE -> steps). */
  public static Arbitrary<Tagged<Object>> forRule(String ruleId) {
    List<String> fields = Conformance.run().spec().fieldsCiting(ruleId);
    if (fields.isEmpty()) {
      throw new IllegalStateException("no property of estimate.yaml cites " + ruleId);
    }
    return Arbitraries.of(fields).flatMap(Numbers::of);
  }

  static Arbitrary<Tagged<Object>> integer(Range r) {
    long min = r.minLong();
    long max = r.maxLong();
    List<Tuple.Tuple2<Integer, Arbitrary<Tagged<Object>>>> f = new ArrayList<>();
    f.add(Tuple.of(6, just("min", min)));
    f.add(Tuple.of(6, just("max", max)));
    f.add(Tuple.of(6, just("below", min - 1)));
    f.add(Tuple.of(6, just("above", big(max).add(BigInteger.ONE))));
    f.add(Tuple.of(10, Arbitraries.longs().between(min, max).map(v -> t("inside", v))));
    f.add(Tuple.of(5, Arbitraries.of(BigDecimal.valueOf(min).subtract(new BigDecimal("0.5")),
        BigDecimal.valueOf(min).add(new BigDecimal("0.5")), new BigDecimal(max).subtract(new BigDecimal("0.5")),
        new BigDecimal(max).add(new BigDecimal("0.5"))).map(v -> t("fraction", v))));
    f.add(Tuple.of(4, Arbitraries.of(min, max).map(v -> t("whole-float", new BigDecimal(v).setScale(1)))));
    f.add(Tuple.of(3, Arbitraries.of(BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE),
        BigInteger.valueOf(Long.MAX_VALUE), BigInteger.TEN.pow(20), big(max).multiply(BigInteger.valueOf(1000)))
        .map(v -> t("huge", v))));
    f.add(Tuple.of(3, Arbitraries.of(0L, -1L, (long) Integer.MIN_VALUE - 1).filter(v -> v < min)
        .map(v -> t("tiny", v))));
    f.add(Tuple.of(4, Arbitraries.longs().between(max + 1, max + Math.max(10, max)).map(v -> t("above", v))));
    return Arbitraries.frequencyOf(f.toArray(Tuple.Tuple2[]::new));
  }

  static Arbitrary<Tagged<Object>> decimal(Range r) {
    BigDecimal min = r.min();
    BigDecimal max = r.max();
    BigDecimal eps = new BigDecimal("0.01");
    List<Tuple.Tuple2<Integer, Arbitrary<Tagged<Object>>>> f = new ArrayList<>();
    f.add(Tuple.of(6, just("min", min)));
    f.add(Tuple.of(6, just("max", max)));
    f.add(Tuple.of(5, Arbitraries.of(min.subtract(eps), BigDecimal.valueOf(Math.nextDown(min.doubleValue())))
        .map(v -> t("below", v))));
    f.add(Tuple.of(5, Arbitraries.of(max.add(eps), BigDecimal.valueOf(Math.nextUp(max.doubleValue())))
        .map(v -> t("above", v))));
    f.add(Tuple.of(3, Arbitraries.of(min.subtract(new BigDecimal("0.5")), max.add(new BigDecimal("0.5")),
        max.add(BigDecimal.ONE)).map(v -> t("outside-half", v))));
    f.add(Tuple.of(4, Arbitraries.of(min.add(eps), max.subtract(eps)).map(v -> t("just-inside", v))));
    f.add(Tuple.of(10, Arbitraries.bigDecimals().between(min, max).ofScale(3).map(v -> t("inside", v))));
    f.add(Tuple.of(3, Arbitraries.of(new BigDecimal("1e12"), new BigDecimal("1.7976931348623157E308"))
        .map(v -> t("huge", v))));
    f.add(Tuple.of(3, Arbitraries.of(new BigDecimal("-1"), new BigDecimal("-1e-9"), new BigDecimal("1e-9"))
        .map(v -> t("tiny", v))));
    return Arbitraries.frequencyOf(f.toArray(Tuple.Tuple2[]::new));
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  static Arbitrary<Tagged<Object>> just(String tag, Object v) {
    return Arbitraries.just(t(tag, v));
  }

  static Tagged<Object> t(String tag, Object v) {
    return new Tagged<>(tag, v);
  }

  /** JSON values of the wrong type for a numeric field (BODY-TYPE). */
  public static Arbitrary<Tagged<Object>> wrongType() {
    return Arbitraries.of((Object) "1024", "", true, List.of(1)).map(v -> t("wrong-type", v));
  }
}
