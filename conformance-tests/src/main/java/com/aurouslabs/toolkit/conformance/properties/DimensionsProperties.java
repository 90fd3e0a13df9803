package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Dimensions;
import com.aurouslabs.toolkit.conformance.arbitraries.Requests;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
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

/** size presets, custom width/height: range, snapping, pairing and exclusivity (bounds from the spec). */
@RuleFamilies({"dimensions"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class DimensionsProperties {

  static final Map<String, String> GROUP = Map.ofEntries(Map.entry("min", "exact-bound"),
      Map.entry("max", "exact-bound"), Map.entry("below", "outside"), Map.entry("above", "outside"),
      Map.entry("huge", "outside"), Map.entry("tiny", "outside"), Map.entry("fraction", "fraction-or-float"),
      Map.entry("whole-float", "fraction-or-float"), Map.entry("inside", "inside"),
      Map.entry("multiple", "multiple"), Map.entry("midpoint", "midpoint"),
      Map.entry("off-by-one-of-multiple", "off-by-one-of-multiple"), Map.entry("non-multiple", "non-multiple"));

  @Provide
  Arbitrary<Tagged<Object>> dimension() {
    return Dimensions.dimension();
  }

  @Property
  @Rules({"DIM-RANGE", "DIM-SNAP-32", "BODY-INTEGER"})
  @Label("width/height are range-checked as sent and snapped when in range")
  void custom_dimensions_follow_range_and_snapping(@ForAll("dimension") Tagged<Object> width,
      @ForAll("dimension") Tagged<Object> height) {
    Coverage.collect("width class", GROUP.get(width.tag()));
    Exchange ex = Conformance.check("DIM-RANGE", EstimateCase.prompt("a lighthouse at dusk")
        .with(Dimensions.fields().get(0), width.value()).with(Dimensions.fields().get(1), height.value()));
    resolvedSizeMatchesSnap(ex, width.value(), height.value());
    Coverage.require("width class", "exact-bound", "outside", "fraction-or-float", "multiple", "midpoint",
        "off-by-one-of-multiple", "non-multiple");
  }

  @Provide
  Arbitrary<Long> nonMultiple() {
    return Dimensions.nonMultiple();
  }

  @Provide
  Arbitrary<Long> inRange() {
    return Arbitraries.longs().between(Dimensions.range().minLong(), Dimensions.range().maxLong());
  }

  @Property
  @Rules({"DIM-SNAP-32"})
  @Label("every in-range width/height that is not a multiple of 32 is accepted")
  void every_in_range_non_multiple_of_32_is_accepted(@ForAll("nonMultiple") long width,
      @ForAll("inRange") long height) {
    Coverage.collect("height is multiple", height % Dimensions.grid() == 0 ? "multiple" : "non-multiple");
    Exchange ex = Conformance.check("DIM-SNAP-32", EstimateCase.prompt("a red fox")
        .with(Dimensions.fields().get(0), width).with(Dimensions.fields().get(1), height));
    resolvedSizeMatchesSnap(ex, width, height);
    Coverage.require("height is multiple", List.of(Set.of("non-multiple")));
  }

  /**
   * The mock shows the snapped size (X-Mock-Resolved-Size); a real API does not, and is not asked to. Documented:
   * the nearest multiple of the grid; for a value exactly between two multiples either is nearest, and this
   * project's "ties up" is only a decision (Choice.SNAP_TIE): the other neighbour is a warning.
   */
  private static void resolvedSizeMatchesSnap(Exchange ex, Object w, Object h) {
    if (ex.status() != 200 || ex.header("X-Mock-Resolved-Size").isEmpty()
        || !(w instanceof Number) || !(h instanceof Number)) {
      return;
    }
    java.math.BigDecimal bw = new java.math.BigDecimal(w.toString());
    java.math.BigDecimal bh = new java.math.BigDecimal(h.toString());
    String got = ex.header("X-Mock-Resolved-Size").get();
    String[] parts = got.split("x");
    boolean documented = parts.length == 2 && parts[0].matches("\\d+") && parts[1].matches("\\d+")
        && Dimensions.allowedSnaps(bw).contains(Long.parseLong(parts[0]))
        && Dimensions.allowedSnaps(bh).contains(Long.parseLong(parts[1]));
    String decision = Dimensions.snapDecision(bw) + "x" + Dimensions.snapDecision(bh);
    Conformance.invariant("DIM-SNAP-32", documented, decision.equals(got),
        "width " + w + " x height " + h + " must snap to the nearest multiple of " + Dimensions.grid()
            + " (this project: " + decision + ", ties up; a tie may round either way), the mock resolved " + got, ex);
  }

  @Provide
  Arbitrary<Tagged<Map<String, Object>>> shapes() {
    return Dimensions.shapes(true);
  }

  @Property
  @Rules({"SIZE-XOR-DIMS", "DIM-PAIR"})
  @Label("size excludes width/height, and width and height come together")
  void size_and_dimensions_combine_only_as_documented(@ForAll("shapes") Tagged<Map<String, Object>> shape,
      @ForAll("base") EstimateCase base) {
    Coverage.collect("shape", shape.tag());
    String primary = shape.tag().startsWith("SIZE_AND") ? "SIZE-XOR-DIMS"
        : shape.tag().startsWith("LONE") ? "DIM-PAIR" : "PRICE-SHAPE";
    EstimateCase c = base;
    for (String f : List.of(Dimensions.sizeField(), Dimensions.fields().get(0), Dimensions.fields().get(1))) {
      c = c.without(f);
    }
    Conformance.check(primary, c.withAll(shape.value()));
    Coverage.require("shape", Dimensions.Shape.NONE.name(), "SIZE", "DIMS", "SIZE_AND_DIMS", "SIZE_AND_WIDTH",
        "SIZE_AND_HEIGHT", "LONE_WIDTH", "LONE_HEIGHT");
  }

  @Provide
  Arbitrary<EstimateCase> base() {
    return Requests.validBase();
  }

  @Provide
  Arbitrary<Tagged<Object>> size() {
    return Dimensions.size();
  }

  @Property
  @Rules({"SIZE-ENUM"})
  @Label("size is one of the spec's presets; other names are rejected")
  void only_the_documented_presets_are_accepted(@ForAll("size") Tagged<Object> size) {
    Coverage.collect("size class", size.tag());
    Conformance.check("SIZE-ENUM", EstimateCase.prompt("a quiet harbour").with(Dimensions.sizeField(), size.value()));
    Coverage.require("size class", "preset", "invalid");
  }
}
