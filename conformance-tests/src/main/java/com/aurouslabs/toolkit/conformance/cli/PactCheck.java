package com.aurouslabs.toolkit.conformance.cli;

import com.aurouslabs.toolkit.conformance.pact.PactProviderCheck;
import com.aurouslabs.toolkit.conformance.pact.PactProviderCheck.InteractionResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code --pacts} needs: verify the target against consumer pacts (a directory, or the ones shipped in this
 * jar when {@code dir} is empty), one result per interaction. The real one is pact-jvm's verifier through
 * {@link PactProviderCheck}; the CLI's unit tests give a fake.
 */
@FunctionalInterface
public interface PactCheck {

  List<InteractionResult> verify(String baseUrl, String apiKey, Map<String, String> stateValues, Optional<Path> dir);

  /** pact-jvm's provider verifier over the bundled pacts or a directory of pact files. */
  static PactCheck pactJvm() {
    return (baseUrl, apiKey, stateValues, dir) -> {
      PactProviderCheck.Builder b = PactProviderCheck.builder().baseUrl(baseUrl).apiKey(apiKey);
      stateValues.forEach(b::stateValue);
      PactProviderCheck check = b.build();
      return dir.isPresent() ? check.verifyDirectory(dir.get()) : check.verifyBundled();
    };
  }
}
