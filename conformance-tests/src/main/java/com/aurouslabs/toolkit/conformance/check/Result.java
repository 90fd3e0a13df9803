package com.aurouslabs.toolkit.conformance.check;

/** Per-rule result in the report; declared from best to worst. */
public enum Result {
  PASSED, SKIPPED, WARNING, FAILED;

  public Result worst(Result other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
