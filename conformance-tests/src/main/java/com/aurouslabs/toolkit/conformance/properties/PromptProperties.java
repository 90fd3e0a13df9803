package com.aurouslabs.toolkit.conformance.properties;

import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.arbitraries.Prompts;
import com.aurouslabs.toolkit.conformance.arbitraries.Tagged;
import com.aurouslabs.toolkit.conformance.http.EstimateCase;
import com.aurouslabs.toolkit.conformance.jqwik.ConformanceHook;
import com.aurouslabs.toolkit.conformance.jqwik.Coverage;
import com.aurouslabs.toolkit.conformance.jqwik.RuleFamilies;
import com.aurouslabs.toolkit.conformance.jqwik.Rules;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * prompt and negative_prompt: presence, length in code points (bounds from the spec), blankness, unicode. Also the
 * class the self-check runs for the families every answer is checked for (envelope, rate-limit: request id,
 * error envelope, rate-limit and version headers): it sends accepted and refused requests, one per try.
 */
@RuleFamilies({"prompt", "envelope", "rate-limit"})
@AddLifecycleHook(value = ConformanceHook.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class PromptProperties {

  private static final List<Set<String>> CLASSES = List.of(Set.of("max", "max-astral"),
      Set.of("max+1", "max+1-astral"), Set.of("empty"), Set.of("whitespace-only"), Set.of("ascii-whitespace-only"),
      Set.of("normal", "padded",
          "unicode", "min"), Set.of("absent", "null", "wrong-type"));

  @Provide
  Arbitrary<Tagged<Object>> prompt() {
    return Prompts.prompt();
  }

  @Provide
  Arbitrary<Tagged<Object>> negativePrompt() {
    return Prompts.negativePrompt();
  }

  @Property
  @Rules({"PROMPT-REQUIRED", "PROMPT-LENGTH", "PROMPT-NOT-BLANK"})
  @Label("prompt is required, 1..max code points, not blank")
  void prompt_is_required_bounded_and_not_blank(@ForAll("prompt") Tagged<Object> prompt) {
    Coverage.collect("prompt class", prompt.tag());
    EstimateCase c = EstimateCase.prompt("x");
    c = prompt.value() == null ? c.without("prompt") : c.with("prompt", prompt.value());
    String primary = switch (prompt.tag()) {
      case "whitespace-only", "ascii-whitespace-only" -> "PROMPT-NOT-BLANK";
      case "absent", "null" -> "PROMPT-REQUIRED";
      default -> "PROMPT-LENGTH";
    };
    Conformance.check(primary, c);
    Coverage.require("prompt class", CLASSES);
  }

  @Property
  @Rules({"NEG-PROMPT-LENGTH"})
  @Label("negative_prompt, when sent, is 1..max code points (whitespace allowed)")
  void negative_prompt_is_bounded_when_sent(@ForAll("negativePrompt") Tagged<Object> neg) {
    Coverage.collect("negative_prompt class", neg.tag());
    EstimateCase c = EstimateCase.prompt("a sailing boat");
    c = neg.value() == null ? c : c.with("negative_prompt", neg.value());
    Conformance.check("NEG-PROMPT-LENGTH", c);
    Coverage.require("negative_prompt class", CLASSES);
  }
}
