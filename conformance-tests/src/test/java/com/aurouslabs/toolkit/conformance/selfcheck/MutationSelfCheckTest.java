package com.aurouslabs.toolkit.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import com.aurouslabs.toolkit.mock.defect.DefectInfo;
import com.aurouslabs.toolkit.mock.defect.Defects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The suite proves its power: for each defect the mock can inject, the relevant property classes run (through
 * the JUnit Platform Launcher, against a mock started with that defect) and must fail on the rule the defect
 * breaks; against the correct mock the same classes pass. The defect-to-rule table is ours, not the mock's.
 */
class MutationSelfCheckTest {

  /** Defect -> (rule the suite must report, property classes that should notice). */
  static final Map<String, Map.Entry<String, List<String>>> EXPECTED = Map.ofEntries(
      Map.entry("REJECT_NON_MULTIPLE_OF_32", Map.entry("DIM-SNAP-32", List.of("DimensionsProperties"))),
      Map.entry("ACCEPT_SIZE_WITH_DIMS", Map.entry("SIZE-XOR-DIMS", List.of("DimensionsProperties"))),
      Map.entry("MISS_CHARACTER_REF_EXCLUSION", Map.entry("CHAR-XOR-REFS", List.of("CharacterProperties"))),
      Map.entry("PRICE_REFERENCES", Map.entry("PRICE-REFS-FREE", List.of("PricingProperties"))),
      Map.entry("ACCEPT_LONE_DIMENSION", Map.entry("DIM-PAIR", List.of("DimensionsProperties"))),
      Map.entry("LEAK_FOREIGN_CHARACTER", Map.entry("CHAR-NOT-FOUND", List.of("CharacterProperties"))),
      Map.entry("ACCEPT_PRIVATE_REFERENCE_HOST", Map.entry("REF-URL-HOST-BLOCKED", List.of("ReferenceProperties"))),
      Map.entry("ACCEPT_STEPS_OVER_MAX", Map.entry("STEPS-RANGE", List.of("NumericProperties"))),
      Map.entry("ACCEPT_BLANK_PROMPT", Map.entry("PROMPT-NOT-BLANK", List.of("PromptProperties"))),
      Map.entry("MISSING_REQUEST_ID", Map.entry("REQUEST-ID", List.of("PromptProperties"))));

  private static void assumeEmbeddedMock() {
    Assumptions.assumeTrue(Conformance.run().settings().get(com.aurouslabs.toolkit.conformance.config.Setting.BASE_URL)
        .isEmpty(), "the mutation self-check needs the embedded mock (AUROUS_BASE_URL is set)");
    Assumptions.assumeFalse(Conformance.run().budgetMode(), "budget mode: nothing is sent anywhere but the target");
  }

  @Test
  void every_defect_of_the_mock_is_mapped_to_a_rule() {
    List<String> defects = Defects.all().stream().map(DefectInfo::name).toList();
    assertThat(defects).containsAll(EXPECTED.keySet());
    EXPECTED.forEach((name, e) -> assertThat(Defects.find(name).orElseThrow().ruleId()).isEqualTo(e.getKey()));
    EXPECTED.values().forEach(e -> assertThat(Conformance.run().catalog().contains(e.getKey())).isTrue());
  }

  @TestFactory
  Stream<DynamicTest> each_defect_is_caught_by_its_rule_and_the_correct_mock_passes() {
    assumeEmbeddedMock();
    List<String> all = EXPECTED.values().stream().flatMap(e -> e.getValue().stream()).distinct().sorted().toList();
    Stream<DynamicTest> control = Stream.of(DynamicTest.dynamicTest("NONE: the correct mock passes " + all, () -> {
      NestedRun n = runAgainst("NONE", all);
      record("NONE", "(none)", n, n.summary().getTotalFailureCount() == 0 && n.failedRules().isEmpty());
      assertThat(n.failedRules()).as("rules failing against the correct mock:\n" + n.describe()).isEmpty();
      assertThat(n.warnedRules()).as("warnings against the correct mock (it implements every decision):\n"
          + n.describe()).isEmpty();
      assertThat(n.summary().getTotalFailureCount()).as(n.describe()).isZero();
      assertThat(n.summary().getTestsSucceededCount()).isPositive();
    }));
    String only = System.getProperty("selfcheck.only", "");
    Stream<DynamicTest> defects = EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .filter(e -> only.isEmpty() || e.getKey().equals(only))
        .map(e -> DynamicTest.dynamicTest(e.getKey() + " is caught as " + e.getValue().getKey(), () -> {
          NestedRun n = runAgainst(e.getKey(), e.getValue().getValue());
          boolean caught = n.summary().getTotalFailureCount() > 0 && n.failedRules().contains(e.getValue().getKey());
          record(e.getKey(), e.getValue().getKey(), n, caught);
          assertThat(n.summary().getTotalFailureCount()).as("properties failing against defect " + e.getKey())
              .isPositive();
          assertThat(n.failedRules()).as("rules reported failing against defect " + e.getKey() + ":\n"
              + n.describe()).contains(e.getValue().getKey());
        }));
    return Stream.concat(control, defects);
  }

  private static void record(String defect, String expected, NestedRun n, boolean ok) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("defect", defect);
    entry.put("expected_rule", expected);
    entry.put("failed_rules", n.failedRules());
    entry.put("warned_rules", n.warnedRules());
    entry.put("failed_properties", n.summary().getTotalFailureCount());
    entry.put("requests", n.requests());
    entry.put("verdict", ok ? "ok" : "NOT CAUGHT");
    Conformance.run().recorder().selfCheck(entry);
    Conformance.run().recorder().requests(Recorder.SELF_CHECK, n.requests());
  }

  private static NestedRun runAgainst(String defect, List<String> classes) {
    return NestedRun.of(Map.of("aurous.mock.defect", defect, "aurous.tries", "100"), classes);
  }
}
