package com.aurouslabs.toolkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.budget.BudgetPlanRun;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Rule IDs come from {@link Rules} on each property, never from label text: every catalog rule is claimed by a
 * property or a step of the budget plan (or checked on every answer), and every claim names a catalog rule.
 */
class RuleClaimsTest {

  private static final List<String> PROPERTY_CLASSES = List.of("AuthProperties", "BodyProperties",
      "CharacterProperties", "CombinationProperties", "DimensionsProperties", "LoraProperties", "NumericProperties",
      "PricingProperties", "PromptProperties", "ReferenceProperties", "SchemaProperties");

  private static List<Method> properties() throws ClassNotFoundException {
    List<Method> out = new java.util.ArrayList<>();
    for (String c : PROPERTY_CLASSES) {
      for (Method m : Class.forName(ConformanceRunner.PROPERTIES_PACKAGE + "." + c).getDeclaredMethods()) {
        if (m.isAnnotationPresent(Property.class)) {
          out.add(m);
        }
      }
    }
    return out;
  }

  @Test
  void every_property_claims_its_rules_with_an_annotation_naming_catalog_rules() throws Exception {
    RuleCatalog catalog = RuleCatalog.classpath();
    assertThat(properties()).hasSizeGreaterThan(40);
    for (Method m : properties()) {
      assertThat(m.getAnnotation(Rules.class)).as(m + " has @Rules").isNotNull();
      assertThat(m.getAnnotation(Rules.class).value()).as("@Rules of " + m).isNotEmpty()
          .allSatisfy(id -> assertThat(catalog.contains(id)).as(id + " (in @Rules of " + m.getName() + ") is a rule "
              + "of rules.yaml").isTrue());
    }
  }

  @Test
  void every_catalog_rule_is_claimed_by_a_property_or_a_budget_step() throws Exception {
    RuleCatalog catalog = RuleCatalog.classpath();
    SpecDocument spec = SpecDocument.classpath();
    Fixtures fx = Fixtures.resolve(Settings.of(Map.of()), true);
    Set<String> claimed = new TreeSet<>(BudgetPlanRun.EVERY_ANSWER);
    for (Method m : properties()) {
      claimed.addAll(Arrays.asList(m.getAnnotation(Rules.class).value()));
    }
    // a step claims its rule and every rule the oracle involves in its request (accept rules such as AUTH-ANY-SCOPE)
    ExpectedOutcome oracle = new ExpectedOutcome(spec, catalog, fx);
    claimed.addAll(BudgetPlanRun.covered(BudgetPlanRun.plan(fx, spec, oracle), oracle));
    Set<String> unclaimed = catalog.all().stream().map(Rule::id)
        .filter(id -> !claimed.contains(id) && !BudgetPlanRun.NOT_IN_PLAN.containsKey(id))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(unclaimed).as("catalog rules no property (@Rules) and no budget step claims").isEmpty();
  }
}
