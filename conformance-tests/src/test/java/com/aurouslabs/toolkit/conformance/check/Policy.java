package com.aurouslabs.toolkit.conformance.check;

import com.aurouslabs.toolkit.conformance.spec.Rule;

/**
 * Failure or warning? Against the embedded mock every finding fails (it implements all our decisions). Against
 * another target, a finding on an {@code inferred} rule, or one that differs only in outcome parts the vendor
 * does not document, is a WARNING, unless {@code AUROUS_STRICT=true}; security rules always fail.
 */
public record Policy(boolean embeddedMock, boolean strict) {

  public Result classify(Rule rule, Finding f) {
    if (embeddedMock || strict || rule.security()) {
      return Result.FAILED;
    }
    if (rule.tier() == Rule.Tier.INFERRED) {
      return Result.WARNING;
    }
    boolean touchesDocumented = f.parts().stream().anyMatch(p -> p.equals("rule") || rule.documents(p));
    return touchesDocumented ? Result.FAILED : Result.WARNING;
  }
}
