package com.aurouslabs.toolkit.conformance.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.SuiteRun;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Settings;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.http.Transport;
import com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome;
import com.aurouslabs.toolkit.conformance.oracle.ReadingOutcome;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.RuleCatalog;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Budget mode ({@code AUROUS_BUDGET_MODE=true}): one preflight request and a fixed, generated plan covering every
 * rule of the catalog with boundary-first and pairwise cases, at most {@value SuiteRun#BUDGET_MODE_LIMIT}
 * requests in all, sent to the target and nowhere else. A step that throws is a failed step and the plan goes
 * on. It also runs in the normal build against the embedded mock, to prove the limit and the coverage.
 */
class BudgetModeTest {

  @Test
  void the_plan_has_a_step_for_every_rule_of_the_catalog_and_fits_the_budget() {
    SpecDocument spec = SpecDocument.classpath();
    RuleCatalog catalog = RuleCatalog.classpath();
    Fixtures fx = Fixtures.resolve(Settings.of(Map.of()), true);
    ExpectedOutcome oracle = new ExpectedOutcome(spec, catalog, fx);
    List<BudgetPlan.Step> plan = BudgetPlanRun.plan(fx, spec, oracle);
    Set<String> covered = BudgetPlanRun.covered(plan, oracle);
    List<String> missing = catalog.all().stream().map(Rule::id)
        .filter(id -> !covered.contains(id) && !BudgetPlanRun.NOT_IN_PLAN.containsKey(id)).toList();
    assertThat(missing).as("catalog rules no step of the budget plan covers (add a step)").isEmpty();
    assertThat(plan.size() + 1).as("plan steps + the preflight request").isLessThanOrEqualTo(SuiteRun.BUDGET_MODE_LIMIT);
  }
}
