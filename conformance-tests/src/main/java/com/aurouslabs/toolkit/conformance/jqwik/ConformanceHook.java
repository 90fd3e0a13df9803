package com.aurouslabs.toolkit.conformance.jqwik;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.Scope;
import com.aurouslabs.toolkit.conformance.SuiteRun;
import com.aurouslabs.toolkit.conformance.check.Result;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Applied to every property class ({@code @AddLifecycleHook(ConformanceHook.class)}). The rule IDs come from the
 * property's {@link Rules} annotation; AUROUS_ONLY skips a property that claims none of the rules it names. Skips
 * properties in budget mode and when a needed fixture is missing (recorded as SKIPPED with the variable to set). Checks do not throw: the
 * property runs all its tries inside a {@link Scope}, and this hook fails it at the end with every rule that failed
 * and the smallest case per rule (warnings never fail it). A target that cannot be used fails the property that
 * meets it with one line; later properties are skipped with that line.
 */
public final class ConformanceHook implements SkipExecutionHook, AroundPropertyHook {

  /** The rules the property claims ({@link Rules}); none for a container. */
  static List<String> ruleIds(LifecycleContext context) {
    return context.findAnnotation(Rules.class).map(r -> List.of(r.value())).orElse(List.of());
  }

  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    SuiteRun run = Conformance.run();
    boolean isProperty = context.optionalElement().filter(e -> e instanceof java.lang.reflect.Method).isPresent();
    if (!isProperty) {
      return run.budgetMode() ? SkipResult.skip("budget mode: the fixed budget plan (BudgetPlanRun) replaces the properties")
          : SkipResult.doNotSkip();
    }
    List<String> rules = ruleIds(context);
    if (!run.selected(rules)) {
      return SkipResult.skip("not among the rules AUROUS_ONLY names: " + run.only());
    }
    if (run.budgetMode()) {
      return skip(run, rules, "budget mode: the fixed budget plan (BudgetPlanRun) replaces the properties");
    }
    if (run.targetError().isPresent()) {
      return skip(run, rules, "not run: " + run.targetError().get());
    }
    try {
      run.target();
    } catch (AssertionError e) {
      return SkipResult.doNotSkip(); // aroundProperty fails this property with the one line
    }
    if (run.transport().remaining() <= 0) {
      return skip(run, rules, "request budget of " + run.transport().budget() + " exhausted: raise AUROUS_REQUEST_BUDGET");
    }
    Optional<NeedsFixture> needs = context.findAnnotation(NeedsFixture.class);
    if (needs.isPresent()) {
      for (Fixture f : needs.get().value()) {
        if (!run.target().fixtures().has(f)) {
          return skip(run, rules, f.skipReason());
        }
      }
    }
    return SkipResult.doNotSkip();
  }

  /**
   * A rule the label names that this property's tries never reached is SKIPPED with the reason (a fixture that is
   * missing, or too few tries): never silently absent, never passed. Another check of the rule may still pass it.
   */
  private static void unreached(SuiteRun run, String label, Map<String, Long> before, String reasonFormat) {
    before.forEach((rule, n) -> {
      if (run.recorder().touched(rule) == n && run.catalog().contains(rule)) {
        String why = Fixture.requiredBy(rule).filter(f -> !run.target().fixtures().has(f)).map(Fixture::skipReason)
            .orElse(String.format(reasonFormat, rule));
        run.recorder().outcome(rule, Result.SKIPPED, why, 0);
      }
    });
  }

  private static SkipResult skip(SuiteRun run, List<String> rules, String reason) {
    rules.forEach(r -> run.recorder().outcome(r, Result.SKIPPED, reason, 0));
    return SkipResult.skip(reason);
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    SuiteRun run = Conformance.run();
    run.target(); // a target that cannot be used fails here, once, with the line that says what to set
    List<String> rules = ruleIds(context);
    // tries = min(what the property declares, the run's tries): AUROUS_TRIES, else 100 (mock) / 10 (URL)
    int tries = context.attributes().tries().map(t -> Math.min(t, run.tries())).orElse(run.tries());
    context.attributes().setTries(tries);
    run.settings().get(Setting.SEED).ifPresent(seed -> {
      context.attributes().setSeed(seed);
      context.attributes().setWhenFixedSeed(FixedSeedMode.ALLOW);
    });
    Map<String, Long> before = new LinkedHashMap<>();
    rules.forEach(r -> before.put(r, run.recorder().touched(r)));
    Scope scope = run.openScope(context.extendedLabel());
    PropertyExecutionResult result;
    try {
      result = property.execute();
    } finally {
      run.closeScope(scope);
    }
    if (run.targetError().isPresent() && result.status() != PropertyExecutionResult.Status.SUCCESSFUL) {
      // the target was lost during this property: the run stops with the one line
      return result.mapToFailed(run.targetError().get());
    }
    Optional<String> failed = scope.failure();
    if (result.status() != PropertyExecutionResult.Status.SUCCESSFUL && failed.isEmpty()
        && run.transport().remaining() <= 0) {
      // tries discarded once the request budget ran out: a skip with the reason, not a failure
      String why = "request budget of " + run.transport().budget() + " exhausted: raise AUROUS_REQUEST_BUDGET";
      rules.stream().filter(r -> run.recorder().touched(r) == before.get(r))
          .forEach(r -> run.recorder().outcome(r, Result.SKIPPED, why, 0));
      return result.mapToAborted(new org.opentest4j.TestAbortedException(why));
    }
    if (failed.isPresent()) {
      String other = result.status() == PropertyExecutionResult.Status.FAILED ? result.throwable()
          .map(t -> "\n\nand the property itself failed: " + t).orElse("") : "";
      result = result.mapToFailed(failed.get() + other);
    }
    if (result.status() == PropertyExecutionResult.Status.SUCCESSFUL
        || result.status() == PropertyExecutionResult.Status.FAILED) {
      unreached(run, context.label(), before, "no case for %s came up in " + tries + " tries of '"
          + context.label() + "': raise AUROUS_TRIES, or run AUROUS_BUDGET_MODE=true (boundary plan)");
    }
    if (result.status() == PropertyExecutionResult.Status.ABORTED) {
      String why = result.throwable().map(Throwable::getMessage).orElse("aborted");
      if (run.transport().remaining() <= 0) {
        why = "request budget of " + run.transport().budget() + " exhausted: raise AUROUS_REQUEST_BUDGET";
      }
      String reason = why;
      rules.stream().filter(r -> run.recorder().touched(r) == before.get(r))
          .forEach(r -> run.recorder().outcome(r, Result.SKIPPED, reason, 0));
      return result;
    }
    if (result.status() == PropertyExecutionResult.Status.FAILED) {
      String seed = result.seed().orElse("?");
      for (String r : failed.isPresent() ? scope.failures().keySet() : rules) {
        run.recorder().seed(r, seed, context.extendedLabel());
      }
      if (!run.quiet()) {
        System.err.printf("%n[CONFORMANCE FAILURE] %s%n  rules failing: %s%n  seed: %s (rerun: add @Property(seed = "
                + "\"%s\") or keep target/.jqwik-database)%n  %s%n", context.extendedLabel(),
            failed.isPresent() ? scope.failures().keySet() : rules, seed, seed,
            result.throwable().map(t -> t.getMessage() == null ? t.toString() : t.getMessage().replace("\n", "\n  "))
                .orElse(""));
      }
    }
    return result;
  }
}
