package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Dimensions;
import com.aurouslabs.toolkit.conformance.arbitraries.Requests;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
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

/**
 * Several invalid fields at once: the answer must name (rule, code, param) one of the broken fields. Its families are
 * those of the rules it breaks together.
 */
@RuleFamilies({"dimensions", "numeric", "prompt", "references"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class CombinationProperties {

  /**
   * One way to break each field: every bounded number property of the spec just outside its bounds (read at run
   * time), plus the rules a schema cannot say (blank prompt, lone dimension, http reference, unknown field, ...).
   */
  static Map<String, Map<String, Object>> breakers() {
    var spec = Conformance.run().spec();
    Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
    List<String> dims = Dimensions.fields();
    for (String f : spec.requestFields()) {
      String type = spec.type(f);
      if (!(type.equals("integer") || type.equals("number")) || !spec.bounded(f)) {
        continue;
      }
      var r = spec.range(f);
      Object bad = r.max() != null ? r.max().add(java.math.BigDecimal.ONE) : r.min().subtract(java.math.BigDecimal.ONE);
      if (dims.contains(f)) {
        Map<String, Object> pair = new java.util.LinkedHashMap<>();
        dims.forEach(d -> pair.put(d, spec.range(d).min()));
        pair.put(f, bad);
        out.put(f, pair);
      } else {
        out.put(f, Map.of(f, bad));
      }
    }
    out.put("lone-dimension", Map.of(dims.get(1), spec.range(dims.get(1)).max()));
    out.put("prompt", Map.of("prompt", " \t "));
    out.put("negative_prompt", Map.of("negative_prompt", ""));
    out.put("size", Map.of(Dimensions.sizeField(), "hd_square"));
    out.put("reference", Map.of("reference_image_urls", List.of("http://example.com/a.png")));
    out.put("webhook", Map.of("webhook_url", "http://example.com/hook"));
    out.put("unknown-field", Map.of("style", "anime"));
    return out;
  }

  @Provide
  Arbitrary<Set<String>> broken() {
    return Arbitraries.of(breakers().keySet()).set().ofMinSize(2).ofMaxSize(4);
  }

  @Provide
  Arbitrary<EstimateCase> base() {
    return Requests.validBase().map(c -> c.without(Dimensions.sizeField()).without(Dimensions.fields().get(0))
        .without(Dimensions.fields().get(1)));
  }

  @Property
  @Rules({
      "SIZE-XOR-DIMS", "DIM-PAIR", "DIM-RANGE", "STEPS-RANGE", "COUNT-RANGE", "PROMPT-NOT-BLANK", "REF-ITEM-FORM"})
  @Label("with several invalid fields the error names one of them")
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
