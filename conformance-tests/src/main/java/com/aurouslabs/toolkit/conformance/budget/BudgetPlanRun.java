package com.aurouslabs.toolkit.conformance.budget;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.SuiteRun;
import com.aurouslabs.toolkit.conformance.config.Fixture;
import com.aurouslabs.toolkit.conformance.config.Fixtures;
import com.aurouslabs.toolkit.conformance.config.Setting;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.http.Transport;
import com.aurouslabs.toolkit.conformance.oracle.ExpectedOutcome;
import com.aurouslabs.toolkit.conformance.oracle.ReadingOutcome;
import com.aurouslabs.toolkit.conformance.spec.Rule;
import com.aurouslabs.toolkit.conformance.spec.SpecDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import org.opentest4j.TestAbortedException;

/**
 * Budget mode ({@code AUROUS_BUDGET_MODE=true}): one preflight request and a fixed, generated plan covering every
 * rule of the catalog with boundary-first and pairwise cases, at most {@value SuiteRun#BUDGET_MODE_LIMIT}
 * requests in all, sent to the target and nowhere else. A step that throws is a failed step and the plan goes
 * on; AUROUS_ONLY keeps the steps of the rules it names. It also runs against the embedded mock, to prove the
 * limit and the coverage. A jqwik example, so the whole suite runs on one engine.
 */
public class BudgetPlanRun {

  /** Rules a bounded plan cannot exercise, with the reason (reported, not hidden). */
  public static final Map<String, String> NOT_IN_PLAN = Map.of(
      "RATE-LIMIT-BUCKET", "needs draining the 240-token bucket (RateLimitAcceptanceTest, mock only)");

  /** Rules every answer is checked for, so every step covers them. */
  public static final List<String> EVERY_ANSWER = List.of("NO-SERVER-ERROR", "ENVELOPE-SHAPE", "REQUEST-ID",
      "RATE-LIMIT-HEADERS", "VERSION-ECHO", "PRICE-SHAPE");

  public static List<BudgetPlan.Step> plan(Fixtures fx, SpecDocument spec, ExpectedOutcome oracle) {
    List<BudgetPlan.Step> plan = new ArrayList<>(BudgetPlan.boundaries(fx, spec, oracle));
    plan.addAll(BudgetPlan.pairwise(fx, spec));
    return plan;
  }

  /** The rules a plan covers: each step's rule, every rule the oracle involves, the per-answer rules, pricing. */
  public static Set<String> covered(List<BudgetPlan.Step> plan, ExpectedOutcome oracle) {
    Set<String> covered = new LinkedHashSet<>(EVERY_ANSWER);
    for (BudgetPlan.Step step : plan) {
      covered.add(step.rule());
      for (ReadingOutcome r : oracle.decide(step.request()).readings()) {
        covered.addAll(r.violatedRules());
        r.accepts().forEach(a -> covered.add(a.ruleId()));
      }
    }
    covered.addAll(List.of("PRICE-SUM", "PRICE-REFS-FREE", "PRICE-SIZE-INDEPENDENT", "PRICE-ENHANCE", "PRICE-COUNT"));
    return covered;
  }

  @Example
  @Label("the budget plan checks every rule within 240 requests")
  void budget_plan_checks_every_rule_within_240_requests() {
    SuiteRun run = Conformance.run();
    if (!run.budgetMode() && run.settings().get(Setting.BASE_URL).isPresent()) {
      throw new TestAbortedException("the budget plan runs against a URL only with AUROUS_BUDGET_MODE=true");
    }
    Fixtures fx = run.target().fixtures();
    long before = run.requestsUsed();
    List<BudgetPlan.Step> plan = plan(fx, run.spec(), run.oracle()).stream()
        .filter(step -> run.selected(List.of(step.rule()))).toList();
    Conformance.scoped("the budget plan", () -> {
      Map<String, Exchange> accepted = new LinkedHashMap<>();
      Map<BudgetPlan.Step, Exchange> answers = new LinkedHashMap<>();
      for (BudgetPlan.Step step : plan) {
        try {
          boolean ok = Conformance.expect(step.request()).accepted();
          Exchange ex = Conformance.check(step.rule(), step.request());
          answers.put(step, ex);
          if (step.rule().equals("PRICE-SUM") && ok && ex.status() == 200) {
            accepted.put(step.factors(), ex);
          }
        } catch (Transport.TargetUnusable e) {
          throw e;
        } catch (TestAbortedException e) {
          Conformance.skipped(step.rule(), e.getMessage());
        } catch (RuntimeException | AssertionError e) {
          Conformance.error(step.rule(), step.request(), e);
        }
      }
      noLeak(answers);
      pricing(accepted, (int) run.spec().range(run.spec().fieldsCiting("COUNT-RANGE").get(0)).maxLong());
      Set<String> covered = covered(plan, run.oracle());
      for (Rule r : run.catalog().all()) {
        if (!covered.contains(r.id()) && run.selected(List.of(r.id()))) {
          Conformance.skipped(r.id(), NOT_IN_PLAN.getOrDefault(r.id(), Fixture.requiredBy(r.id())
              .filter(f -> !fx.has(f)).map(f -> "not in the budget plan: " + f.skipReason())
              .orElse("not in the budget plan for this target")));
        }
      }
    });
    long used = run.requestsUsed() - before;
    if (!run.quiet()) {
      System.out.printf("%nBudget mode plan: %d steps, %d requests to %s (+ 1 preflight request; limit %d in all)%n",
          plan.size(), used, run.target().description(), SuiteRun.BUDGET_MODE_LIMIT);
    }
    if (used + 1 > SuiteRun.BUDGET_MODE_LIMIT) {
      throw new AssertionError("the budget plan and the preflight used " + (used + 1) + " requests, over the limit of "
          + SuiteRun.BUDGET_MODE_LIMIT);
    }
  }

  /**
   * No existence leak, over answers the plan already has (no extra requests): another team's or an unusable
   * character, LoRA or file gives the same answer as an unknown one, apart from request_id.
   */
  private static void noLeak(Map<BudgetPlan.Step, Exchange> answers) {
    for (String rule : List.of("CHAR-NOT-FOUND", "LORA-NOT-FOUND", "REF-FILE-EXISTS")) {
      BudgetPlan.Step unknown = answers.keySet().stream().filter(s -> s.rule().equals(rule)
          && s.factors().startsWith("unknown")).findFirst().orElse(null);
      if (unknown == null) {
        continue;
      }
      for (var e : answers.entrySet()) {
        BudgetPlan.Step s = e.getKey();
        if (s.rule().equals(rule) && (s.factors().startsWith("foreign") || s.factors().startsWith("unusable"))) {
          Exchange a = e.getValue();
          Exchange b = answers.get(unknown);
          Conformance.invariant(rule, a.status() != 200 && Exchange.sameAnswer(a, BudgetPlan.idOf(s), b,
              BudgetPlan.idOf(unknown)), "the " + s.factors() + " answer differs from the unknown one's "
              + "(existence leak): " + a.summary() + " vs " + b.summary(), a, b);
        }
      }
    }
  }

  /** Pricing invariants over the accepted pairwise cases (no extra requests). */
  private static void pricing(Map<String, Exchange> accepted, int maxCount) {
    Map<String, Exchange> byEnhanceCount = new LinkedHashMap<>();
    for (var e : accepted.entrySet()) {
      Exchange ex = e.getValue();
      JsonNode body = ex.request().body();
      String key = body.path("enhance_prompt").asBoolean() + "/" + body.path("count").asInt();
      JsonNode cost = ex.json().path("estimated_cost");
      Exchange first = byEnhanceCount.putIfAbsent(key, ex);
      if (first != null) {
        boolean same = Exchange.sameValue(
            first.json().path("estimated_cost"), cost);
        JsonNode a = first.request().body();
        boolean refsDiffer = (a.has("reference_image_urls") || a.has("character_id"))
            != (body.has("reference_image_urls") || body.has("character_id"))
            || !a.path("reference_image_urls").equals(body.path("reference_image_urls"));
        boolean sizeDiffers = a.has("size") != body.has("size") || a.has("width") != body.has("width");
        for (String rule : List.of("PRICE-REFS-FREE", "PRICE-SIZE-INDEPENDENT")) {
          if (rule.equals("PRICE-REFS-FREE") ? refsDiffer : sizeDiffers) {
            Conformance.invariant(rule, same, "same enhance/count, different estimate: " + e.getKey() + " -> " + cost
                + " vs " + first.json().path("estimated_cost"), first, ex);
          }
        }
      }
    }
    for (int count : List.of(1, maxCount)) {
      Exchange off = byEnhanceCount.get("false/" + count);
      Exchange on = byEnhanceCount.get("true/" + count);
      if (off != null && on != null) {
        Conformance.invariant("PRICE-ENHANCE", on.json().path("estimated_cost").path("amount").decimalValue()
            .compareTo(off.json().path("estimated_cost").path("amount").decimalValue()) > 0
            && !off.json().path("estimated_cost").path("breakdown").has("enhance"),
            "enhance_prompt true must raise the amount (and false add no enhance line)", off, on);
      }
    }
    Exchange one = byEnhanceCount.get("false/1");
    Exchange many = byEnhanceCount.get("false/" + maxCount);
    if (one != null && many != null) {
      BigDecimal b1 = one.json().path("estimated_cost").path("breakdown").path("base").decimalValue();
      BigDecimal bn = many.json().path("estimated_cost").path("breakdown").path("base").decimalValue();
      Conformance.invariant("PRICE-COUNT", bn.compareTo(b1.multiply(BigDecimal.valueOf(maxCount))) == 0,
          "base of count " + maxCount + " (" + bn + ") != " + maxCount + " x base of count 1 (" + b1 + ")", one, many);
    }
  }
}
