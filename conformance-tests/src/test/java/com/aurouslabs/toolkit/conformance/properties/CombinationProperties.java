package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Requests;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
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

/** Several invalid fields at once: the answer must name (rule, code, param) one of the broken fields. */
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class CombinationProperties {

  /** One way to break each field, with values just outside the spec's bounds. */
  static Map<String, Map<String, Object>> breakers() {
    var spec = Conformance.run().spec();
    return Map.ofEntries(
        Map.entry("steps", Map.of("steps", spec.range("steps").maxLong() + 1)),
        Map.entry("count", Map.of("count", spec.range("count").minLong() - 1)),
        Map.entry("guidance_scale", Map.of("guidance_scale", spec.range("guidance_scale").max().add(java.math.BigDecimal.ONE))),
        Map.entry("cfg_rescale", Map.of("cfg_rescale", -0.5)),
        Map.entry("denoise_strength", Map.of("denoise_strength", 1.5)),
        Map.entry("width", Map.of("width", spec.range("width").minLong() - 1, "height", spec.range("height").minLong())),
        Map.entry("lone-height", Map.of("height", spec.range("height").maxLong())),
        Map.entry("seed", Map.of("seed", -1)),
        Map.entry("prompt", Map.of("prompt", " \t ")),
        Map.entry("negative_prompt", Map.of("negative_prompt", "")),
        Map.entry("size", Map.of("size", "hd_square")),
        Map.entry("reference", Map.of("reference_image_urls", List.of("http://example.com/a.png"))),
        Map.entry("webhook", Map.of("webhook_url", "http://example.com/hook")),
        Map.entry("unknown-field", Map.of("style", "anime")));
  }

  @Provide
  Arbitrary<Set<String>> broken() {
    return Arbitraries.of(breakers().keySet()).set().ofMinSize(2).ofMaxSize(4);
  }

  @Provide
  Arbitrary<EstimateCase> base() {
    return Requests.validBase().map(c -> c.without("size").without("width").without("height"));
  }

  @Property
  @Label("SIZE-XOR-DIMS, DIM-PAIR, DIM-RANGE, STEPS-RANGE, COUNT-RANGE, PROMPT-NOT-BLANK, REF-ITEM-FORM: with "
      + "several invalid fields the error names one of them")
  void several_invalid_fields_give_an_error_naming_one_of_them(@ForAll("broken") Set<String> broken,
      @ForAll("base") EstimateCase base) {
    EstimateCase c = base;
    for (String b : broken) {
      c = c.withAll(breakers().get(b));
    }
    Expectation e = Conformance.expect(c);
    Coverage.collect("broken fields", broken.size());
    Conformance.check(e.ruleIds().isEmpty() ? "PRICE-SHAPE" : e.ruleIds().get(0), c);
    Coverage.require("broken fields", "2", "3", "4");
  }
}
