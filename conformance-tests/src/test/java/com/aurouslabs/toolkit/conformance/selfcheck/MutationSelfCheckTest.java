package com.aurouslabs.toolkit.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.defect.DefectInfo;
import com.aurouslabs.toolkit.mock.defect.Defects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The self-check matrix (issue 9): the suite proves its power against defects injected into both readings of the
 * docs, and its silence on both clean readings. For each profile of the embedded mock ({@link Profile#DEFAULT},
 * {@link Profile#ALTERNATIVE}) and each mode (the properties with {@value #MATRIX_TRIES} tries and a fixed seed;
 * budget mode's fixed plan), the suite runs in-process (one JVM, {@link NestedRun}) against the mock with no defect
 * and with each defect of {@link Defects#all()}:
 *
 * <ul>
 *   <li>no defect: no failing rule and no failing test; on the default profile no warning either (it implements
 *       every decision); on the alternative profile warnings are expected, and a strict policy turns them into
 *       failures (so a verdict logic made strict on an inferred part fails this build);
 *   <li>each defect: a failing rule that is the defect's {@link DefectInfo#ruleId()}, on both profiles, in both
 *       modes.
 * </ul>
 *
 * The property classes a defect is run with are those whose {@link RuleFamilies} declares the catalog family of
 * the defect's rule (no table: a new defect needs no Java change here). Every cell is a row of the report's
 * self-check table: defect, profile, mode, rule(s) it was caught by, requests, verdict.
 */
class MutationSelfCheckTest {

  /** jqwik tries per property in the matrix (the main run uses 100 against the mock). */
  static final int MATRIX_TRIES = 40;
  /** One seed for every property of the matrix, so the matrix is the same in every build (no flaky cell). */
  static final String MATRIX_SEED = "2026051501";

  static final String PROPERTIES_PACKAGE = "com.aurouslabs.toolkit.conformance.properties";
  static final String BUDGET_CLASS = "com.aurouslabs.toolkit.conformance.budget.BudgetPlanRun";

  /** The two ways the suite runs: its properties, and budget mode's fixed plan. */
  enum Mode {
    DEFAULT, BUDGET;

    String label() {
      return this == DEFAULT ? "default (" + MATRIX_TRIES + " tries)" : "budget";
    }
  }

  private static void assumeEmbeddedMock() {
    Assumptions.assumeTrue(Conformance.run().settings().get(Setting.BASE_URL).isEmpty(),
        "the mutation self-check needs the embedded mock (AUROUS_BASE_URL is set)");
    Assumptions.assumeFalse(Conformance.run().budgetMode(), "budget mode: nothing is sent anywhere but the target");
  }

  /** Every property class of the suite (discovered, not listed) with the families it declares. */
  static Map<Class<?>, Set<String>> propertyClasses() {
    TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(PROPERTIES_PACKAGE)).filters(includeClassNamePatterns(".*Properties"))
        .configurationParameters(Map.of("aurous.quiet", "true")).build());
    Map<Class<?>, Set<String>> out = new LinkedHashMap<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier id : plan.getDescendants(root)) {
        id.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getJavaClass())
            .ifPresent(c -> out.put(c, Set.copyOf(Arrays.asList(c.isAnnotationPresent(RuleFamilies.class)
                ? c.getAnnotation(RuleFamilies.class).value() : new String[0]))));
      }
    }
    return out;
  }

  /** The property classes that check the catalog family of {@code ruleId}. */
  static List<String> classesFor(String ruleId, RuleCatalog catalog, Map<Class<?>, Set<String>> classes) {
    String family = catalog.rule(ruleId).family();
    return classes.entrySet().stream().filter(e -> e.getValue().contains(family)).map(e -> e.getKey().getName())
        .sorted().toList();
  }

  @Test
  void every_family_of_the_catalog_is_checked_by_a_property_class() {
    RuleCatalog catalog = Conformance.run().catalog();
    Map<Class<?>, Set<String>> classes = propertyClasses();
    assertThat(classes).as("property classes found").hasSizeGreaterThanOrEqualTo(10);
    Set<String> families = catalog.all().stream().map(Rule::family).collect(Collectors.toCollection(TreeSet::new));
    Set<String> declared = classes.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    assertThat(declared).as("families declared by @RuleFamilies on the property classes").containsAll(families);
    assertThat(families).as("@RuleFamilies names only families of the catalog").containsAll(declared);
    classes.forEach((c, f) -> assertThat(f).as(c.getSimpleName() + " declares its families (@RuleFamilies)")
        .isNotEmpty());
  }

  @Test
  void every_defect_of_the_mock_names_a_rule_of_the_catalog() {
    RuleCatalog catalog = Conformance.run().catalog();
    assertThat(Defects.all()).isNotEmpty();
    Defects.all().forEach(d -> assertThat(catalog.contains(d.ruleId())).as(d.name() + " -> " + d.ruleId()).isTrue());
  }

  @TestFactory
  Stream<DynamicNode> the_suite_is_silent_on_both_clean_readings_and_catches_every_defect_on_both() {
    assumeEmbeddedMock();
    RuleCatalog catalog = Conformance.run().catalog();
    Map<Class<?>, Set<String>> classes = propertyClasses();
    List<String> all = classes.keySet().stream().map(Class::getName).sorted().toList();
    String only = System.getProperty("selfcheck.only", "");
    List<DynamicNode> nodes = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      for (Mode mode : Mode.values()) {
        List<DynamicNode> cells = new ArrayList<>();
        AtomicReference<NestedRun> control = new AtomicReference<>();
        List<String> controlClasses = mode == Mode.BUDGET ? List.of(BUDGET_CLASS) : all;
        cells.add(DynamicTest.dynamicTest("NONE: no failure" + (profile == Profile.DEFAULT ? " and no warning" : ""),
            () -> {
              NestedRun n = run(profile, mode, Defects.NONE, controlClasses, Map.of());
              control.set(n);
              boolean ok = n.summary().getTotalFailureCount() == 0 && n.failedRules().isEmpty()
                  && (profile == Profile.ALTERNATIVE || n.warnedRules().isEmpty());
              record(Defects.NONE, "(none)", profile, mode, n, ok ? "silent" : "NOT SILENT");
              assertThat(n.failedRules()).as("rules failing against the correct mock (" + profile.label()
                  + " profile):\n" + n.describe()).isEmpty();
              assertThat(n.summary().getTotalFailureCount()).as(n.describe()).isZero();
              assertThat(n.summary().getTestsSucceededCount()).isPositive();
              if (profile == Profile.DEFAULT) {
                assertThat(n.warnedRules()).as("warnings against the correct mock on the default profile (it "
                    + "implements every decision):\n" + n.describe()).isEmpty();
              }
            }));
        if (profile == Profile.ALTERNATIVE) {
          cells.add(DynamicTest.dynamicTest("NONE under a strict policy: the warnings become failures",
              () -> strictControl(catalog, mode, controlClasses, control.get())));
        }
        for (DefectInfo d : Defects.all()) {
          if (!only.isEmpty() && !d.name().equals(only)) {
            continue;
          }
          List<String> defectClasses = mode == Mode.BUDGET ? List.of(BUDGET_CLASS)
              : classesFor(d.ruleId(), catalog, classes);
          cells.add(DynamicTest.dynamicTest(d.name() + " is caught as " + d.ruleId(), () -> {
            assertThat(defectClasses).as("property classes for the family of " + d.ruleId()).isNotEmpty();
            NestedRun n = run(profile, mode, d.name(), defectClasses, Map.of());
            boolean caught = n.summary().getTotalFailureCount() > 0 && n.failedRules().contains(d.ruleId());
            record(d.name(), d.ruleId(), profile, mode, n, caught ? "caught" : "NOT CAUGHT");
            assertThat(n.failedRules()).as("rules failing against defect " + d.name() + " (" + d.description()
                + ") on the " + profile.label() + " profile, " + mode.label() + " mode, classes " + defectClasses
                + ":\n" + n.describe()).contains(d.ruleId());
            assertThat(n.summary().getTotalFailureCount()).as("tests failing against defect " + d.name())
                .isPositive();
            if (mode == Mode.BUDGET) {
              assertThat(n.requests()).as("budget mode requests (the preflight included)")
                  .isLessThanOrEqualTo(com.aurouslabs.toolkit.conformance.SuiteRun.BUDGET_MODE_LIMIT);
            }
          }));
        }
        nodes.add(DynamicContainer.dynamicContainer(profile.label() + " profile, " + mode.label() + " mode",
            cells.stream()));
      }
    }
    return nodes.stream();
  }

  /**
   * The alternative control again, with every inferred part strict (AUROUS_STRICT=true): it must fail, on every rule
   * the lenient run warned on, and the lenient run must have warned on every kind of inferred part the catalog's
   * alternatives change. So a verdict logic that fails an inferred part fails this build.
   */
  private static void strictControl(RuleCatalog catalog, Mode mode, List<String> classes, NestedRun lenient) {
    assertThat(lenient).as("the lenient alternative control ran first").isNotNull();
    assertThat(lenient.warnedRules()).as("warnings of the lenient alternative control (the alternative profile "
        + "must exercise inferred parts)").isNotEmpty();
    if (mode == Mode.DEFAULT) {
      assertThat(lenient.warnedParts()).as("inferred parts the alternative control warned on; the catalog's "
          + "alternatives change " + alternativeParts(catalog)).containsAll(alternativeParts(catalog));
    }
    NestedRun strict = run(Profile.ALTERNATIVE, mode, Defects.NONE, classes, Map.of(Setting.STRICT.property(),
        "true"));
    boolean ok = strict.summary().getTotalFailureCount() > 0 && strict.failedRules().containsAll(lenient.warnedRules());
    record(Defects.NONE + " (AUROUS_STRICT=true)", "every rule that warned", Profile.ALTERNATIVE, mode, strict,
        ok ? "fails, as it must" : "NOT FAILING");
    assertThat(strict.summary().getTotalFailureCount()).as("tests failing under a strict policy").isPositive();
    assertThat(strict.failedRules()).as("rules failing under a strict policy vs the lenient run's warnings")
        .containsAll(lenient.warnedRules());
    assertThat(strict.warnedRules()).as("warnings under a strict policy (every part is strict)").isEmpty();
  }

  /**
   * The kinds of inferred part the catalog's alternatives change: code and param where an alternative outcome
   * differs, status-class where it turns a refusal into an acceptance (or back), reading where it flips a choice or
   * the schema, precedence where the catalog gives another evaluation order.
   */
  static Set<String> alternativeParts(RuleCatalog catalog) {
    Set<String> out = new TreeSet<>();
    for (Rule r : catalog.all()) {
      Rule.Alternative a = r.alternative();
      if (a == null) {
        continue;
      }
      if (a.code() != null && !a.code().equals(r.code())) {
        out.add("code");
      }
      if (a.paramSet() && !java.util.Objects.equals(a.param(), r.param())) {
        out.add("param");
      }
      if (a.status() != null && r.status() != null && a.status() / 100 != r.status() / 100) {
        out.add("status-class");
      }
      if (a.reading()) {
        out.add("reading");
      }
    }
    if (catalog.alternativeOrder()) {
      out.add("precedence");
    }
    return out;
  }

  private static NestedRun run(Profile profile, Mode mode, String defect, List<String> classes,
      Map<String, String> extra) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(Setting.MOCK_PROFILE.property(), profile.label());
    settings.put(Setting.MOCK_DEFECT.property(), defect);
    settings.put(Setting.BUDGET_MODE.property(), String.valueOf(mode == Mode.BUDGET));
    settings.put(Setting.TRIES.property(), String.valueOf(MATRIX_TRIES));
    settings.put(Setting.SEED.property(), MATRIX_SEED);
    settings.put(Setting.STRICT.property(), "false");
    settings.putAll(extra);
    return NestedRun.of(settings, classes);
  }

  private static void record(String defect, String expected, Profile profile, Mode mode, NestedRun n,
      String verdict) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("defect", defect);
    entry.put("expected_rule", expected);
    entry.put("profile", profile.label());
    entry.put("mode", mode.name().toLowerCase(Locale.ROOT));
    entry.put("failed_rules", n.failedRules());
    entry.put("warned_rules", n.warnedRules().size());
    entry.put("failed_tests", n.summary().getTotalFailureCount());
    entry.put("requests", n.requests());
    entry.put("millis", n.millis());
    entry.put("verdict", verdict);
    Conformance.run().recorder().selfCheck(entry);
    Conformance.run().recorder().requests(Recorder.SELF_CHECK, n.requests());
  }
}
