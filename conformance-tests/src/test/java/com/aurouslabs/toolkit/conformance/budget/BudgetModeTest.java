package com.aurouslabs.toolkit.conformance.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.aurouslabs.toolkit.conformance.Batch;
import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.ConformanceFailure;
import com.aurouslabs.toolkit.conformance.SuiteRun;
import com.aurouslabs.toolkit.conformance.http.Exchange;
import com.aurouslabs.toolkit.conformance.oracle.Expectation;
import com.aurouslabs.toolkit.conformance.spec.Rule;
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

/**
 * Budget mode ({@code AUROUS_BUDGET_MODE=true}): a fixed, generated plan covering every testable rule with
 * boundary-first and pairwise cases in at most {@value #LIMIT} requests. It also runs in the normal build
 * against the embedded mock, to prove it stays within the limit.
 */
class BudgetModeTest {

  static final int LIMIT = 240;

  /** Rules a bounded plan cannot exercise, with the reason (reported, not hidden). */
  static final Map<String, String> NOT_IN_PLAN = Map.of(
      "RATE-LIMIT-BUCKET", "needs draining the 240-token bucket (RateLimitAcceptanceTest, mock only)");

  @Test
  void budget_plan_covers_every_rule_within_240_requests() {
    SuiteRun run = Conformance.run();
    Assumptions.assumeTrue(run.budgetMode() || run.target().isEmbeddedMock(),
        "budget plan runs against a URL only with AUROUS_BUDGET_MODE=true");
    var fx = run.target().fixtures();
    long before = run.transport().requestsUsed();
    List<String> failures = new ArrayList<>();
    Set<String> covered = new LinkedHashSet<>();
    Batch batch = Conformance.batch();
    Map<String, Exchange> accepted = new LinkedHashMap<>();
    List<BudgetPlan.Step> plan = new ArrayList<>(BudgetPlan.boundaries(fx));
    plan.addAll(BudgetPlan.pairwise(fx));
    for (BudgetPlan.Step step : plan) {
      Expectation e = Conformance.expect(step.request());
      covered.add(step.rule());
      covered.addAll(e.ruleIds());
      Exchange ex = batch.check(step.rule(), step.request());
      if (step.rule().equals("PRICE-SUM") && e.accepted() && ex.status() == 200) {
        accepted.put(step.factors(), ex);
      }
    }
    pricing(batch, accepted, covered);
    covered.addAll(List.of("NO-SERVER-ERROR", "ENVELOPE-SHAPE", "REQUEST-ID", "RATE-LIMIT-HEADERS", "VERSION-ECHO",
        "PRICE-SHAPE"));
    long used = run.transport().requestsUsed() - before;
    System.out.printf("%nBudget mode plan: %d cases, %d requests used (limit %d) against %s%n", plan.size(), used,
        LIMIT, run.target().description());
    List<String> missing = new ArrayList<>();
    for (Rule r : run.catalog().all()) {
      if (!covered.contains(r.id()) && !NOT_IN_PLAN.containsKey(r.id())) {
        missing.add(r.id());
      }
    }
    missing.forEach(id -> run.recorder().outcome(id, com.aurouslabs.toolkit.conformance.check.Result.SKIPPED,
        com.aurouslabs.toolkit.conformance.config.Fixture.requiredBy(id).filter(f -> !fx.has(f))
            .map(f -> "not in the budget plan: " + f.skipReason())
            .orElse("not in the budget plan for this target (README, env table)"), 0));
    assertThat(used).as("requests used by the budget plan").isLessThanOrEqualTo(LIMIT);
    assertThat(missing).as("rules the budget plan does not cover (add a step or a fixture)")
        .allMatch(id -> !run.target().isEmbeddedMock());
    batch.verify();
    assertThat(failures).isEmpty();
  }

  /** Pricing invariants over the accepted pairwise cases (no extra requests). */
  private static void pricing(Batch batch, Map<String, Exchange> accepted, Set<String> covered) {
    Map<String, Exchange> byEnhanceCount = new LinkedHashMap<>();
    for (var e : accepted.entrySet()) {
      Exchange ex = e.getValue();
      JsonNode body = ex.request().body();
      String key = body.path("enhance_prompt").asBoolean() + "/" + body.path("count").asInt();
      JsonNode cost = ex.json().path("estimated_cost");
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode line : cost.path("breakdown")) {
        sum = sum.add(line.decimalValue());
      }
      batch.invariant("PRICE-SUM", sum.compareTo(cost.path("amount").decimalValue()) == 0,
          "amount != sum of breakdown: " + cost, ex);
      Exchange first = byEnhanceCount.putIfAbsent(key, ex);
      if (first != null) {
        boolean same = first.json().path("estimated_cost").equals(cost);
        JsonNode a = first.request().body();
        boolean refsDiffer = (a.has("reference_image_urls") || a.has("character_id"))
            != (body.has("reference_image_urls") || body.has("character_id"))
            || !a.path("reference_image_urls").equals(body.path("reference_image_urls"));
        boolean sizeDiffers = a.has("size") != body.has("size") || a.has("width") != body.has("width");
        for (String rule : List.of("PRICE-REFS-FREE", "PRICE-SIZE-INDEPENDENT")) {
          if (rule.equals("PRICE-REFS-FREE") ? refsDiffer : sizeDiffers) {
            batch.invariant(rule, same, "same enhance/count, different estimate: " + e.getKey() + " -> " + cost
                + " vs " + first.json().path("estimated_cost"), first, ex);
            covered.add(rule);
          }
        }
      }
    }
    for (int count : List.of(1, 4)) {
      Exchange off = byEnhanceCount.get("false/" + count);
      Exchange on = byEnhanceCount.get("true/" + count);
      if (off != null && on != null) {
        batch.invariant("PRICE-ENHANCE", on.json().path("estimated_cost").path("amount").decimalValue()
            .compareTo(off.json().path("estimated_cost").path("amount").decimalValue()) > 0
            && !off.json().path("estimated_cost").path("breakdown").has("enhance"),
            "enhance_prompt true must raise the amount", off, on);
        covered.add("PRICE-ENHANCE");
      }
    }
    Exchange one = byEnhanceCount.get("false/1");
    Exchange four = byEnhanceCount.get("false/4");
    if (one != null && four != null) {
      BigDecimal b1 = one.json().path("estimated_cost").path("breakdown").path("base").decimalValue();
      BigDecimal b4 = four.json().path("estimated_cost").path("breakdown").path("base").decimalValue();
      batch.invariant("PRICE-COUNT", b4.compareTo(b1.multiply(BigDecimal.valueOf(4))) == 0,
          "base of count 4 (" + b4 + ") != 4 x base of count 1 (" + b1 + ")", one, four);
      covered.add("PRICE-COUNT");
    }
  }
}
