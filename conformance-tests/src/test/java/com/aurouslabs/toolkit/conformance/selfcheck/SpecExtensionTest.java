package com.aurouslabs.toolkit.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The oracle reads the spec, all of it: a copy of estimate.yaml with one extra optional property of each kind (a
 * string with a pattern, an integer with bounds, a number with bounds, a boolean, an enum) is loaded by the embedded
 * mock and by the suite (AUROUS_SPEC), and a bound is widened (count up to {@value #WIDER_COUNT}); the suite,
 * unchanged, passes against it and checks the new properties and the new bound.
 */
class SpecExtensionTest {

  /** The widened maximum of count. */
  static final int WIDER_COUNT = 8;

  /** The properties added, as YAML. */
  static final Map<String, String> ADDED = new LinkedHashMap<>();

  static {
    ADDED.put("style_code", "{type: string, nullable: true, pattern: '^[a-z]{3}-[0-9]{2}$', example: abc-12, "
        + "description: A style code (an added property).}");
    ADDED.put("quality", "{type: integer, format: int32, nullable: true, minimum: 1, maximum: 10, example: 5, "
        + "description: Quality level 1 to 10 (an added property).}");
    ADDED.put("sharpness", "{type: number, format: double, nullable: true, minimum: 0, maximum: 2.5, example: 1.5, "
        + "description: Sharpening 0 to 2.5 (an added property).}");
    ADDED.put("tiling", "{type: boolean, nullable: true, example: false, description: Seamless tiles (an added "
        + "property).}");
    ADDED.put("sampler", "{type: string, nullable: true, enum: [euler, heun, dpm_2m], example: euler, "
        + "description: The sampler (an added property).}");
  }

  /** Writes the extended copy of the spec; returns its path. */
  static Path extendedSpec(Path dir) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode root = (ObjectNode) yaml.readTree(SpecDocument.classpath().text());
    ObjectNode props = (ObjectNode) root.at("/components/schemas/EstimateRequest/properties");
    for (Map.Entry<String, String> e : ADDED.entrySet()) {
      props.set(e.getKey(), yaml.readTree(e.getValue()));
    }
    ((ObjectNode) props.get("count")).put("maximum", WIDER_COUNT);
    Files.createDirectories(dir);
    Path file = dir.resolve("estimate-extended.yaml");
    yaml.writeValue(file.toFile(), root);
    return file;
  }

  @Test
  void a_spec_with_an_extra_optional_property_of_each_kind_passes_unchanged() throws Exception {
    Assumptions.assumeTrue(Conformance.run().settings().get(Setting.BASE_URL).isEmpty()
        && !Conformance.run().budgetMode(), "the spec-extension check runs the embedded mock (no AUROUS_BASE_URL, "
        + "no budget mode)");
    Path spec = extendedSpec(Path.of("target", "spec-extension"));
    NestedRun n = NestedRun.of(Map.of(Setting.SPEC.property(), spec.toString()),
        List.of("SchemaProperties", "BodyProperties", "CombinationProperties", "PricingProperties",
            "com.aurouslabs.toolkit.conformance.budget.BudgetPlanRun"));
    System.out.printf("%nSpec extension check: added %s to EstimateRequest and widened count to [1, %d]; %d "
        + "requests, %d ms; rules checked for the added properties: %s%n", ADDED.keySet(), WIDER_COUNT, n.requests(), n.millis(), n.rules().keySet().stream()
        .filter(id -> id.startsWith(RuleCatalog.SCHEMA_PREFIX)).toList());
    assertThat(n.failedRules()).as("rules failing against the mock on the extended spec:\n" + n.describe()).isEmpty();
    if (Conformance.run().settings().get(Setting.MOCK_PROFILE).map(com.aurouslabs.toolkit.mock.Profile::parse)
        .orElse(com.aurouslabs.toolkit.mock.Profile.DEFAULT) == com.aurouslabs.toolkit.mock.Profile.DEFAULT) {
      // the default profile implements every decision; the alternative one warns where it reads the docs otherwise
      assertThat(n.warnedRules()).as("warnings against the mock on the extended spec:\n" + n.describe()).isEmpty();
    }
    assertThat(n.summary().getTotalFailureCount()).as(n.describe()).isZero();
    assertThat(n.summary().getTestsSucceededCount()).isPositive();
    // the added constraints were judged (and passed) under their own IDs
    assertThat(n.rules().keySet()).contains(RuleCatalog.schemaRuleId("quality", "maximum"),
        RuleCatalog.schemaRuleId("sharpness", "maximum"), RuleCatalog.schemaRuleId("style_code", "pattern"),
        RuleCatalog.schemaRuleId("sampler", "enum"));
  }
}
