package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Dimensions;
import com.aurouslabs.toolkit.conformance.arbitraries.Numbers;
import com.aurouslabs.toolkit.conformance.arbitraries.Requests;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.util.List;
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

/** Transport and body shape: JSON, content type, unknown fields, wrong types, explicit nulls, routes. */
@RuleFamilies({"body"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class BodyProperties {

  @Provide
  Arbitrary<String> optionalField() {
    return Arbitraries.of(Conformance.run().spec().optionalFields());
  }

  @Provide
  Arbitrary<EstimateCase> valid() {
    return Requests.validBase();
  }

  @Property(tries = 50)
  @Rules({"BODY-NULL-AS-ABSENT"})
  @Label("an explicit null on an optional field means omitted")
  void explicit_null_means_absent(@ForAll("valid") EstimateCase base, @ForAll("optionalField") String field) {
    EstimateCase c = base.withNull(field);
    List<String> dims = Dimensions.fields();
    if (field.equals(Dimensions.sizeField())) {
      c = c.without(dims.get(0)).without(dims.get(1));
    } else if (dims.contains(field)) {
      c = c.withNull(dims.get(0)).withNull(dims.get(1));
    }
    Conformance.check("BODY-NULL-AS-ABSENT", c);
  }

  @Provide
  Arbitrary<String> unknownField() {
    return Arbitraries.of("style", "Prompt", "widht", "model", "n", "__proto__", "reference_images", "num_images");
  }

  @Property(tries = 30)
  @Rules({"BODY-UNKNOWN-FIELD"})
  @Label("a property the schema does not define is rejected, naming it")
  void unknown_fields_are_rejected(@ForAll("valid") EstimateCase base, @ForAll("unknownField") String field) {
    Conformance.check("BODY-UNKNOWN-FIELD", base.with(field, "x"));
  }

  @Provide
  Arbitrary<Tagged<Object>> wrongValue() {
    return Arbitraries.of((Object) "12", true, List.of("a"), 3.5, "").map(v -> new Tagged<>(v.getClass().getSimpleName(), v));
  }

  @Property(tries = 60)
  @Rules({"BODY-TYPE"})
  @Label("a value of the wrong JSON type is rejected as invalid_format on that field")
  void wrong_json_types_are_rejected(@ForAll("optionalField") String field, @ForAll("wrongValue") Tagged<Object> v) {
    String type = Conformance.run().spec().type(field);
    Object value = v.value();
    boolean sameType = switch (type) {
      case "string" -> value instanceof String;
      case "number", "integer" -> value instanceof Double;
      case "boolean" -> value instanceof Boolean;
      case "array" -> value instanceof List;
      default -> false;
    };
    net.jqwik.api.Assume.that(!sameType || type.isEmpty());
    Conformance.check("BODY-TYPE", EstimateCase.prompt("a tree").with(field, value));
  }

  @Provide
  Arbitrary<Tagged<String>> rawBody() {
    String nested = "{\"prompt\":\"x\",\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
    return Arbitraries.of(
        new Tagged<>("empty", ""), new Tagged<>("truncated", "{\"prompt\":\"a cat\""),
        new Tagged<>("not-json", "prompt=a+cat"), new Tagged<>("array", "[{\"prompt\":\"a cat\"}]"),
        new Tagged<>("string", "\"a cat\""), new Tagged<>("duplicate-key", "{\"prompt\":\"a\",\"prompt\":\"b\"}"),
        new Tagged<>("trailing", "{\"prompt\":\"a cat\"} x"), new Tagged<>("deep", nested),
        new Tagged<>("long-number", "{\"prompt\":\"a\",\"seed\":1" + "0".repeat(1200) + "}"),
        new Tagged<>("valid", "{\"prompt\":\"a cat\"}"));
  }

  @Property(tries = 40)
  @Rules({"BODY-JSON"})
  @Label("the body is one well-formed JSON object")
  void bodies_must_be_one_json_object(@ForAll("rawBody") Tagged<String> raw) {
    Coverage.collect("raw", raw.tag());
    Conformance.check("BODY-JSON", EstimateCase.prompt("x").rawBody(raw.value(), "application/json"));
  }

  @Provide
  Arbitrary<String> contentType() {
    return Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-8",
        "application/JSON", "application/xml");
  }

  @Property(tries = 20)
  @Rules({"BODY-CONTENT-TYPE"})
  @Label("the body must be sent as application/json (parameters allowed)")
  void content_type_must_be_json(@ForAll("contentType") String type) {
    Conformance.check("BODY-CONTENT-TYPE", EstimateCase.prompt("a cat").contentType(type));
  }

  @Provide
  Arbitrary<String> otherPath() {
    return Arbitraries.of("/v1/images/estimates", "/v1/image/estimate", "/v2/images/estimate", "/v1/images");
  }

  @Property(tries = 10)
  @Rules({"ROUTE-NOT-FOUND"})
  @Label("other paths answer 404 in the error envelope")
  void other_paths_are_not_found(@ForAll("otherPath") String path) {
    Conformance.check("ROUTE-NOT-FOUND", EstimateCase.prompt("a cat").route("POST", path));
  }

  @Provide
  Arbitrary<String> otherMethod() {
    return Arbitraries.of("GET", "PUT", "PATCH", "DELETE");
  }

  @Property(tries = 10)
  @Rules({"ROUTE-METHOD-NOT-ALLOWED"})
  @Label("another method than POST on the estimate path answers 405 in the envelope")
  void other_methods_are_not_allowed(@ForAll("otherMethod") String method) {
    Conformance.check("ROUTE-METHOD-NOT-ALLOWED", EstimateCase.prompt("a cat").route(method, SpecDocument.PATH));
  }

  /** Keys of ordinary length, and of lengths the create route would refuse (an estimate may ignore them too). */
  @Provide
  Arbitrary<String> idempotencyKey() {
    return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(64),
        Arbitraries.integers().between(257, 300).map("k"::repeat));
  }

  @Property(tries = 10)
  @Rules({"IDEMPOTENCY-IGNORED"})
  @Label("Idempotency-Key is ignored by estimates")
  void idempotency_key_is_ignored(@ForAll("valid") EstimateCase base, @ForAll("idempotencyKey") String key) {
    Conformance.check("IDEMPOTENCY-IGNORED", base.header("Idempotency-Key", key));
  }

  @Provide
  Arbitrary<String> webhookUrl() {
    return Arbitraries.oneOf(
        Arbitraries.of("https://example.com/hook", "http://example.com/hook", "ftp://example.com/hook",
            "example.com/hook", "HTTPS://EXAMPLE.COM/HOOK", "https://"),
        Arbitraries.integers().between(2040, 2060).map(n -> "https://example.com/" + "h".repeat(n - 20)));
  }

  @Property(tries = 20)
  @Rules({"WEBHOOK-URL", "WEBHOOK-URL-MAX-LENGTH"})
  @Label("webhook_url, when sent, is an https:// URL of at most the spec's length")
  void webhook_url_is_https_and_bounded(@ForAll("webhookUrl") String url) {
    Conformance.check("WEBHOOK-URL", EstimateCase.prompt("a cat").with("webhook_url", url));
  }

  @Property(tries = 3)
  @Rules({"BODY-TOO-LARGE"})
  @Label("a body over 1 MiB is rejected before it is parsed")
  void bodies_over_one_mebibyte_are_rejected(@ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4096) int over) {
    Conformance.check("BODY-TOO-LARGE", EstimateCase.prompt("a cat")
        .with("negative_prompt", "x".repeat(Conformance.run().oracle().maxBodyBytes() + over)));
  }
}
