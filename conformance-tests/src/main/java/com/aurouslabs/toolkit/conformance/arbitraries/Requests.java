package com.aurouslabs.toolkit.conformance.arbitraries;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Whole requests: a valid base to which properties add one concern. The base carries a random subset of every
 * optional property of the spec whose validity its own schema decides, with a valid value drawn from that schema
 * (bounds, enum, the example for a pattern), so a property the spec gains is sent too, with no Java change.
 */
public final class Requests {

  /**
   * Rules whose condition spans fields or needs a fixture: the fields citing them get their values from their own
   * arbitraries (shapes, references, characters, LoRAs), never from the free base.
   */
  static final List<String> COORDINATED = List.of("SIZE-XOR-DIMS", "DIM-PAIR", "CHAR-XOR-REFS", "LORA-RESOLVE",
      "LORA-NOT-FOUND", "CHAR-NOT-FOUND", "REF-FILE-EXISTS");

  private Requests() {}

  public static Arbitrary<String> prompt() {
    return Arbitraries.of("A golden sunset over mountains, cinematic lighting", "Portrait in a rainy street at night",
        "pixel art cat", "\u65E5\u306E\u51FA over Fuji");
  }

  /** Optional fields whose value only their own schema constrains. */
  public static List<String> freeFields() {
    SpecDocument spec = Conformance.run().spec();
    List<String> coordinated = new ArrayList<>();
    COORDINATED.forEach(r -> coordinated.addAll(spec.fieldsCiting(r)));
    return spec.optionalFields().stream().filter(f -> !coordinated.contains(f))
        .filter(f -> valid(f).isPresent()).toList();
  }

  /** A valid value of a field, from its schema; empty when the schema gives no way to make one. */
  public static Optional<Arbitrary<Object>> valid(String field) {
    SpecDocument spec = Conformance.run().spec();
    JsonNode s = spec.property(field);
    switch (s.path("type").asText()) {
      case "integer" -> {
        SpecDocument.Range r = spec.range(field);
        long min = r.min() == null ? 0 : r.minLong();
        long max = r.max() == null ? min + 100 : Math.min(r.maxLong(), min + 1_000_000);
        return Optional.of(Arbitraries.longs().between(min, max).map(v -> (Object) v));
      }
      case "number" -> {
        SpecDocument.Range r = spec.range(field);
        BigDecimal min = r.min() == null ? BigDecimal.ZERO : r.min();
        BigDecimal max = r.max() == null ? min.add(BigDecimal.TEN) : r.max();
        return Optional.of(Arbitraries.bigDecimals().between(min, max).ofScale(2).map(v -> (Object) v));
      }
      case "boolean" -> {
        return Optional.of(Arbitraries.of(true, false).map(v -> (Object) v));
      }
      case "string" -> {
        List<String> values = spec.enumValues(field);
        if (!values.isEmpty()) {
          return Optional.of(Arbitraries.of(values).map(v -> (Object) v));
        }
        if (s.has("pattern")) {
          return spec.example(field).filter(JsonNode::isTextual).map(JsonNode::asText)
              .filter(e -> spec.pattern(s).orElseThrow().matcher(e).find()).map(e -> Arbitraries.just((Object) e));
        }
        int min = Math.max(1, spec.minLength(field));
        int max = Math.max(min, Math.min(spec.maxLength(field), 40));
        return Optional.of(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(min).ofMaxLength(max)
            .map(v -> (Object) v));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** A valid text-to-image request with a random subset of the free optional fields (values valid). */
  public static Arbitrary<EstimateCase> validBase() {
    List<String> free = freeFields();
    List<Arbitrary<Object>> values = new ArrayList<>();
    free.forEach(f -> values.add(valid(f).orElseThrow().injectNull(0.55)));
    Arbitrary<Map<String, Object>> tuning = Combinators.combine(values).as(list -> {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < free.size(); i++) {
        m.put(free.get(i), list.get(i));
      }
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
