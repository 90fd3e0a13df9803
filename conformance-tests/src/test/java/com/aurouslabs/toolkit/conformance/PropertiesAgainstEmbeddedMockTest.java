package com.aurouslabs.toolkit.conformance;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The suite is main code (src/main); this module's own build runs its property classes and the budget plan against the embedded mock
 * (or AUROUS_BASE_URL) in the surefire test plan, next to the module's tests, so one report covers both.
 */
@Suite
@SelectPackages("com.aurouslabs.toolkit.conformance.properties")
@SelectClasses(com.aurouslabs.toolkit.conformance.budget.BudgetPlanRun.class)
@IncludeClassNamePatterns({".*Properties", ".*BudgetPlanRun"})
class PropertiesAgainstEmbeddedMockTest {
}
