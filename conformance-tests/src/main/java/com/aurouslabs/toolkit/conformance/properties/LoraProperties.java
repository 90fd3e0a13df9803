package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Ids;
import com.aurouslabs.toolkit.conformance.arbitraries.References;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.NeedsFixture;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.StatisticsReport;

/** lora_id: resolution, not-found without leaks, modes. */
@RuleFamilies({"loras"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class LoraProperties {

  @Provide
  Arbitrary<Tagged<String>> unknownLora() {
    // well-formed ids no team has: lora_ + a valid ULID, a slug, a version-4 UUID; and strings of no id form
    return Arbitraries.frequencyOf(
        Tuple.of(3, Ids.ulid().map(s -> new Tagged<>("unknown", "lora_" + s))),
        Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12)
            .map(s -> new Tagged<>("unknown", "no-such-" + s))),
        Tuple.of(2, Ids.uuid().map(s -> new Tagged<>("unknown", s))),
        Tuple.of(2, Arbitraries.of("Not a LoRA id!", "lora_lower_case", "Cinematic-Gold", "-", "lora_")
            .map(s -> new Tagged<>("malformed", s))));
  }

  @Property(tries = 30)
  @Rules({"LORA-NOT-FOUND", "LORA-ID-FORM"})
  @Label("unknown LoRA ids, slugs and UUIDs give 404 resource_not_found on lora_id; a string of no id form is "
      + "looked up too, or refused as malformed")
  void unknown_loras_are_not_found(@ForAll("unknownLora") Tagged<String> lora) {
    Conformance.check(lora.tag().equals("malformed") ? "LORA-ID-FORM" : "LORA-NOT-FOUND",
        EstimateCase.prompt("a neon city").with("lora_id", lora.value()));
  }

  @Provide
  Arbitrary<String> unusableLora() {
    return Arbitraries.of(Conformance.fixtures().all(Fixture.UNUSABLE_LORA));
  }

  @Property(tries = 10)
  @NeedsFixture(Fixture.UNUSABLE_LORA)
  @Rules({"LORA-NOT-FOUND"})
  @Label("another team's private LoRA and an inactive LoRA give the same answer as an unknown one, apart from "
      + "request_id")
  void unusable_loras_are_indistinguishable_from_unknown_ones(@ForAll("unusableLora") String unusable,
      @ForAll("unknownUlid") String unknown) {
    Exchange a = Conformance.check("LORA-NOT-FOUND", EstimateCase.prompt("a neon city").with("lora_id", unusable));
    Exchange b = Conformance.check("LORA-NOT-FOUND", EstimateCase.prompt("a neon city").with("lora_id", unknown));
    Conformance.invariant("LORA-NOT-FOUND", a.status() != 200 && Exchange.sameAnswer(a, unusable, b, unknown),
        "an unusable LoRA's answer differs from an unknown one's (existence leak): " + a.summary() + " vs "
            + b.summary(), a, b);
  }

  @Provide
  Arbitrary<String> unknownUlid() {
    return Ids.ulid().map(s -> "lora_" + s);
  }

  @Provide
  Arbitrary<List<Object>> references() {
    return Arbitraries.oneOf(Arbitraries.just(List.of()), References.valid(Conformance.fixtures()));
  }

  @Property(tries = 30)
  @NeedsFixture({Fixture.LORA, Fixture.NO_REFS_LORA})
  @Rules({"LORA-RESOLVE", "LORA-MODE"})
  @Label("a LoRA without reference support is refused with references")
  void loras_resolve_and_respect_their_mode(@ForAll boolean noRefsLora, @ForAll("references") List<Object> refs) {
    List<String> loras = Conformance.fixtures().all(noRefsLora ? Fixture.NO_REFS_LORA : Fixture.LORA);
    String lora = loras.get(Math.floorMod(refs.hashCode(), loras.size()));
    EstimateCase c = EstimateCase.prompt("a neon city").with("lora_id", lora);
    Conformance.check(noRefsLora && !refs.isEmpty() ? "LORA-MODE" : "LORA-RESOLVE",
        refs.isEmpty() ? c : c.with("reference_image_urls", refs));
  }
}
