package com.aurouslabs.toolkit.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Runs the conformance suite against {@link #baseUrl()} from another repository's tests: put it on an otherwise
 * empty class in the test sources (named so the build's test runner picks it up, e.g. {@code EstimateApiConformanceTest}).
 * The class shows one JUnit test per catalog rule (passed, failed with the rule's messages, or skipped with the
 * reason), and the run writes {@code conformance-report.{json,md}} into {@link #reportDir()}.
 *
 * <p>Each attribute left at its default yields to the launcher configuration parameter of the same setting
 * ({@code aurous.base.url}, {@code aurous.budget.mode}, {@code aurous.strict}, {@code aurous.report.dir}, ... in
 * junit-platform.properties or surefire's {@code configurationParameters}), then the system property, then the
 * environment variable; an attribute that is set wins over them.
 */
@Documented
@Testable
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AurousConformance {

  /** The API's base URL (scheme, host and port, without /v1); empty = aurous.base.url / AUROUS_BASE_URL. */
  String baseUrl() default "";

  /** The environment variable holding the API key (never the key itself in source). */
  String apiKeyEnv() default "AUROUS_API_KEY";

  /** true = only the fixed boundary + pairwise plan (at most 240 requests); false = aurous.budget.mode decides. */
  boolean budget() default false;

  /** true = inferred differences fail too; false = aurous.strict decides. */
  boolean strict() default false;

  /** Where the reports go; empty = aurous.report.dir, else target/aurous-conformance. */
  String reportDir() default "";

  /** Only the checks of these rule IDs; empty = aurous.only, else every rule. */
  String[] only() default {};
}
