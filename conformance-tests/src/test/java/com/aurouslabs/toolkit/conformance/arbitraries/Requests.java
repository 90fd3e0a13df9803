package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Whole requests: a valid base (all optional fields in range) to which properties add one concern. */
public final class Requests {

  private Requests() {}

  public static Arbitrary<String> prompt() {
    return Arbitraries.of("A golden sunset over mountains, cinematic lighting", "Portrait in a rainy street at night",
        "pixel art cat", "\u65E5\u306E\u51FA over Fuji");
  }

  private static Arbitrary<Object> inRange(String field) {
    SpecDocument.Range r = SpecDocument.get().range(field);
    if (r.integer()) {
      return Arbitraries.longs().between(r.minLong(), Math.min(r.maxLong(), 1_000_000)).map(v -> (Object) v);
    }
    return Arbitraries.bigDecimals().between(r.min(), r.max()).ofScale(2).map(v -> (Object) v);
  }

  /** A valid text-to-image request with a random subset of optional fields (values in range). */
  public static Arbitrary<EstimateCase> validBase() {
    Arbitrary<Map<String, Object>> tuning = Combinators.combine(
        inRange("steps").injectNull(0.5), inRange("guidance_scale").injectNull(0.5),
        inRange("cfg_rescale").injectNull(0.6), inRange("seed").injectNull(0.6),
        Arbitraries.of(true, false).injectNull(0.5),
        Arbitraries.of("blurry, low quality", "   ", "text").injectNull(0.6))
        .as((steps, guidance, cfg, seed, enhance, neg) -> {
          Map<String, Object> m = new java.util.LinkedHashMap<>();
          m.put("steps", steps);
          m.put("guidance_scale", guidance);
          m.put("cfg_rescale", cfg);
          m.put("seed", seed);
          m.put("enhance_prompt", enhance);
          m.put("negative_prompt", neg);
          return m;
        });
    return Combinators.combine(prompt(), tuning, Dimensions.shapes(true).filter(t -> t.tag().equals("NONE")
        || t.tag().equals("SIZE") || t.tag().equals("DIMS")))
        .as((p, t, shape) -> EstimateCase.prompt(p).withAll(t).withAll(shape.value()));
  }

  /** A valid request with the LoRA fixture, if any. */
  public static Arbitrary<EstimateCase> withOptionalLora(Fixtures fixtures, Arbitrary<EstimateCase> base) {
    if (!fixtures.has(Fixture.LORA)) {
      return base;
    }
    return Combinators.combine(base, Arbitraries.of(true, false))
        .as((c, lora) -> lora ? c.with("lora_id", fixtures.require(Fixture.LORA)) : c);
  }
}
