package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Numbers;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Every property of estimate.yaml against its own schema, whatever the property: the fields, types, bounds,
 * lengths, enums and patterns are read from the spec at run time, so a property the spec gains is checked with
 * no Java change (a constraint no catalog rule names is reported as {@code SPEC:field/keyword}).
 */
@RuleFamilies({"body"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class SchemaProperties {

  /** Optional scalar properties with something to check: a type other than string, or a string constraint. */
  static List<String> fields() {
    SpecDocument spec = Conformance.run().spec();
    List<String> out = new ArrayList<>();
    for (String f : spec.optionalFields()) {
      JsonNode s = spec.property(f);
      String type = s.path("type").asText();
      boolean constrained = s.has("minimum") || s.has("maximum") || s.has("minLength") || s.has("maxLength")
          || s.has("pattern") || s.has("enum");
      if (!type.equals("array") && !type.equals("object") && (constrained || !type.equals("string"))) {
        out.add(f);
      }
    }
    return out;
  }

  /** Values for one property: in and out of its bounds, lengths, enum and pattern; and of a wrong JSON type. */
  static Arbitrary<Tagged<Object>> values(String field) {
    SpecDocument spec = Conformance.run().spec();
    JsonNode s = spec.property(field);
    List<Tuple.Tuple2<Integer, Arbitrary<Tagged<Object>>>> f = new ArrayList<>();
    switch (s.path("type").asText()) {
      case "integer", "number" -> f.add(Tuple.of(8, spec.bounded(field) ? Numbers.of(field)
          : Arbitraries.of(0, 1, -1, 1_000_000).map(v -> new Tagged<>("inside", (Object) v))));
      case "boolean" -> f.add(Tuple.of(4, Arbitraries.of(true, false).map(v -> new Tagged<>("inside", (Object) v))));
      case "string" -> {
        List<String> values = spec.enumValues(field);
        if (!values.isEmpty()) {
          f.add(Tuple.of(4, Arbitraries.of(values).map(v -> new Tagged<>("enum", (Object) v))));
          f.add(Tuple.of(4, Arbitraries.of(values).map(v -> new Tagged<>("not-in-enum",
              (Object) (v.toUpperCase(java.util.Locale.ROOT) + "_X")))));
        }
        spec.example(field).filter(JsonNode::isTextual).map(JsonNode::asText).ifPresent(e -> {
          f.add(Tuple.of(3, Arbitraries.just(new Tagged<>("example", (Object) e))));
          if (s.has("pattern")) {
            f.add(Tuple.of(3, Arbitraries.of(" " + e, e + "\n", "~" + e + "~", "")
                .map(v -> new Tagged<>("off-pattern", (Object) v))));
          }
        });
        if (s.has("maxLength")) {
          int max = s.get("maxLength").asInt();
          f.add(Tuple.of(2, Arbitraries.of(max, max + 1).map(n -> new Tagged<>("length-bound",
              (Object) ("https://example.com/" + "a".repeat(Math.max(0, n - 20))).substring(0, n)))));
        }
        if (s.has("minLength") && s.get("minLength").asInt() > 0) {
          f.add(Tuple.of(2, Arbitraries.just(new Tagged<>("below-min-length", (Object) ""))));
        }
      }
      default -> { }
    }
    f.add(Tuple.of(2, Numbers.wrongType()));
    return Arbitraries.frequencyOf(f.toArray(Tuple.Tuple2[]::new));
  }

  /**
   * One value for every field per try; the try takes the fields in turn ({@link #turn}), so every field is checked
   * once in every {@code fields().size()} tries, whatever the random values (coverage by construction).
   */
  @Provide
  Arbitrary<List<Tagged<Object>>> fieldValues() {
    return Combinators.combine(fields().stream().map(SchemaProperties::values).toList()).as(List::copyOf);
  }

  /** Tries of this property so far (jqwik makes one instance of the class per property). */
  private int turn;

  @Property
  @Rules({"BODY-TYPE", "BODY-INTEGER"})
  @Label("every property of estimate.yaml is checked against its own schema (type, bounds, lengths, enum, pattern), "
      + "including properties no catalog rule names")
  void every_property_is_checked_against_its_own_schema(@ForAll("fieldValues") List<Tagged<Object>> values) {
    List<String> fields = fields();
    int i = Math.floorMod(turn++, fields.size());
    String field = fields.get(i);
    Coverage.collect("field", field);
    EstimateCase c = EstimateCase.prompt("a field of poppies").with(field, values.get(i).value());
    Expectation e = Conformance.expect(c);
    String primary = e.accepted() ? e.decision().accepts().stream().filter(a -> field.equals(a.field()))
        .map(a -> a.ruleId()).findFirst().orElse("PRICE-SHAPE") : e.ruleIds().get(0);
    Conformance.check(primary, c);
    Coverage.require("field", fields.toArray(String[]::new));
  }
}
