package com.aurouslabs.toolkit.conformance.pact;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import com.aurouslabs.toolkit.conformance.Conformance;
import com.aurouslabs.toolkit.conformance.report.Recorder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Puts each Pact interaction's verdict (interaction, provider state, target, passed / failed / skipped) and the
 * requests its replay sent into the conformance report, next to the rules (section "Pact interactions").
 */
final class PactResults {

  private PactResults() {}

  static String states(Interaction i) {
    return i.getProviderStates().stream().map(ProviderState::getName).collect(Collectors.joining("; "));
  }

  static void record(Interaction i, String target, String result, String note) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("interaction", i.getDescription());
    e.put("provider_state", states(i));
    e.put("target", target);
    e.put("result", result);
    e.put("note", note == null ? "" : note);
    Conformance.run().recorder().pact(e);
  }

  /**
   * Verifies the interaction and records the verdict; {@code skipReason} (a fixture that is not configured) skips
   * it instead; {@code requestsSent} is read afterwards and counted as Pact replay requests.
   */
  static void verify(PactVerificationContext context, String target, String skipReason, LongSupplier requestsSent) {
    Interaction i = context.getInteraction();
    if (skipReason != null) {
      record(i, target, "skipped", skipReason);
      Assumptions.abort(skipReason);
    }
    try {
      context.verifyInteraction();
      record(i, target, "passed", null);
    } catch (RuntimeException | AssertionError e) {
      record(i, target, "failed", e.getMessage());
      throw e;
    } finally {
      Conformance.run().recorder().requests(Recorder.PACT_REPLAY, requestsSent.getAsLong());
    }
  }
}
