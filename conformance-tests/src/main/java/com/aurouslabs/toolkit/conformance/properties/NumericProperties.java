package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Numbers;
import com.aurouslabs.toolkit.conformance.arbitraries.References;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.StatisticsReport;

/** steps, count, seed, guidance_scale, cfg_rescale, denoise_strength: inclusive ranges from the spec. */
@RuleFamilies({"numeric"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class NumericProperties {

  static final Map<String, String> GROUP = Map.ofEntries(Map.entry("min", "exact-bound"),
      Map.entry("max", "exact-bound"), Map.entry("below", "outside"), Map.entry("above", "outside"),
      Map.entry("outside-half", "outside"), Map.entry("huge", "outside"), Map.entry("tiny", "outside"),
      Map.entry("fraction", "fraction-or-float"), Map.entry("whole-float", "fraction-or-float"),
      Map.entry("inside", "inside"), Map.entry("just-inside", "inside"), Map.entry("wrong-type", "wrong-type"));

  private static final List<Set<String>> INTEGER_CLASSES =
      List.of(Set.of("exact-bound"), Set.of("outside"), Set.of("inside"), Set.of("fraction-or-float"));
  private static final List<Set<String>> NUMBER_CLASSES =
      List.of(Set.of("exact-bound"), Set.of("outside"), Set.of("inside"));

  /** One value for the field (the one the spec says the rule is about) of a range rule. */
  private static void rangeCase(String rule, Tagged<Object> value, List<Set<String>> classes) {
    String field = field(rule);
    Coverage.collect(field + " class", GROUP.get(value.tag()));
    Conformance.check(rule, EstimateCase.prompt("a glass of water on a table").with(field, value.value()));
    Coverage.require(field + " class", classes);
  }

  /** The property whose description cites the rule (STEPS-RANGE -> steps). */
  static String field(String rule) {
    return Conformance.run().spec().fieldsCiting(rule).get(0);
  }

  @Provide
  Arbitrary<Tagged<Object>> steps() {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, Numbers.forRule("STEPS-RANGE")),
        net.jqwik.api.Tuple.of(1, Numbers.wrongType()));
  }

  @Provide
  Arbitrary<Tagged<Object>> count() {
    return Numbers.forRule("COUNT-RANGE");
  }

  @Provide
  Arbitrary<Tagged<Object>> seed() {
    return Numbers.forRule("SEED-RANGE");
  }

  @Provide
  Arbitrary<Tagged<Object>> guidance() {
    return Numbers.forRule("GUIDANCE-RANGE");
  }

  @Provide
  Arbitrary<Tagged<Object>> cfg() {
    return Numbers.forRule("CFG-RESCALE-RANGE");
  }

  @Provide
  Arbitrary<Tagged<Object>> denoise() {
    return Numbers.forRule("DENOISE-RANGE");
  }

  @Property
  @Rules({"STEPS-RANGE", "BODY-INTEGER", "BODY-TYPE"})
  @Label("steps is a whole number within the spec's bounds")
  void steps_are_whole_numbers_in_range(@ForAll("steps") Tagged<Object> steps) {
    rangeCase("STEPS-RANGE", steps, INTEGER_CLASSES);
  }

  @Property
  @Rules({"COUNT-RANGE", "BODY-INTEGER"})
  @Label("count is a whole number within the spec's bounds")
  void count_is_a_whole_number_in_range(@ForAll("count") Tagged<Object> count) {
    rangeCase("COUNT-RANGE", count, INTEGER_CLASSES);
  }

  @Property
  @Rules({"SEED-RANGE", "BODY-INTEGER"})
  @Label("seed is a whole number in [0, 2^53-1]")
  void seed_is_a_whole_number_in_range(@ForAll("seed") Tagged<Object> seed) {
    rangeCase("SEED-RANGE", seed, INTEGER_CLASSES);
  }

  @Property
  @Rules({"GUIDANCE-RANGE"})
  @Label("guidance_scale is within the spec's bounds")
  void guidance_scale_is_in_range(@ForAll("guidance") Tagged<Object> guidance) {
    rangeCase("GUIDANCE-RANGE", guidance, NUMBER_CLASSES);
  }

  @Property
  @Rules({"CFG-RESCALE-RANGE"})
  @Label("cfg_rescale is within the spec's bounds")
  void cfg_rescale_is_in_range(@ForAll("cfg") Tagged<Object> cfg) {
    rangeCase("CFG-RESCALE-RANGE", cfg, NUMBER_CLASSES);
  }

  /**
   * JSON number literals a double cannot hold exactly, for every bounded number property of the spec: a hair above
   * the maximum and below the minimum, beyond double range, below double precision, negative zero.
   */
  @Provide
  Arbitrary<List<String>> exactLiteral() {
    var spec = Conformance.run().spec();
    java.math.BigDecimal hair = new java.math.BigDecimal("1e-20");
    List<List<String>> literals = new java.util.ArrayList<>();
    for (String f : spec.requestFields()) {
      if (!"number".equals(spec.type(f)) || !spec.bounded(f)) {
        continue;
      }
      var r = spec.range(f);
      if (r.max() != null) {
        literals.add(List.of(f, r.max().add(hair).toPlainString()));
        literals.add(List.of(f, "1e400"));
      }
      if (r.min() != null) {
        literals.add(List.of(f, r.min().subtract(hair).toPlainString()));
        literals.add(List.of(f, "-1e400"));
        if (r.min().signum() == 0) {
          literals.add(List.of(f, "1e-400"));
          literals.add(List.of(f, "-0"));
        }
      }
    }
    return Arbitraries.of(literals);
  }

  @Property(tries = 20)
  @Rules({"GUIDANCE-RANGE", "CFG-RESCALE-RANGE", "DENOISE-RANGE"})
  @Label("bounds hold on the JSON number (1e400 is out of range, not Infinity; 1.00000000000000000001 is above 1 "
      + "read exactly, 1.0 read as a double: either is fine)")
  void bounds_are_judged_on_the_json_number(@ForAll("exactLiteral") List<String> literal) {
    String field = literal.get(0);
    String rule = Conformance.run().spec().citedRules(field, false).stream()
        .filter(r -> r.endsWith("-RANGE")).findFirst().orElse("BODY-TYPE");
    Conformance.check(rule, EstimateCase.prompt("x").rawBody("{\"prompt\":\"a glass of water on a table\",\""
        + field + "\":" + literal.get(1) + "}", "application/json"));
  }

  @Provide
  Arbitrary<List<Object>> references() {
    return Arbitraries.oneOf(Arbitraries.just(List.of()), References.valid(Conformance.fixtures()));
  }

  @Property
  @Rules({"DENOISE-RANGE", "DENOISE-IGNORED-T2I"})
  @Label("denoise_strength is range-checked with or without references")
  void denoise_strength_is_checked_with_and_without_references(@ForAll("denoise") Tagged<Object> denoise,
      @ForAll("references") List<Object> refs) {
    Coverage.collect("denoise x references", GROUP.get(denoise.tag()), refs.isEmpty() ? "t2i" : "with-references");
    EstimateCase c = EstimateCase.prompt("a misty forest").with(field("DENOISE-RANGE"), denoise.value());
    Conformance.check("DENOISE-RANGE", refs.isEmpty() ? c : c.with("reference_image_urls", refs));
    if (Coverage.enforced()) {
      net.jqwik.api.statistics.Statistics.label("denoise x references").coverage(cov -> {
        for (String g : List.of("exact-bound", "outside", "inside")) {
          for (String r : List.of("t2i", "with-references")) {
            cov.check(g, r).count((java.util.function.Consumer<Integer>) n -> {
              if (n < 1) {
                throw new AssertionError("coverage: no case of denoise " + g + " x " + r);
              }
            });
          }
        }
      });
    }
  }
}
