package com.aurouslabs.toolkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Progress names the rule family the runner is in, as a reader says it. */
class RunnerExecutionTest {

  @Test
  void a_property_class_is_shown_as_its_rule_family_and_the_budget_plan_by_name() {
    assertThat(RunnerExecution.familyName("DimensionsProperties")).isEqualTo("dimensions");
    assertThat(RunnerExecution.familyName("CombinationProperties")).isEqualTo("combination");
    assertThat(RunnerExecution.familyName("BudgetPlanRun")).isEqualTo("budget plan");
    assertThat(RunnerExecution.familyName("SomethingNew")).isEqualTo("something new");
  }
}
