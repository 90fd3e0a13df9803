package com.aurouslabs.toolkit.conformance.oracle;

/**
 * A rule an accepted request exercises ("an in-range count is accepted": COUNT-RANGE on count), with the field it
 * is about ({@code null} for the request as a whole), so a refusal naming a field blames that field's rule.
 */
public record AcceptRule(String ruleId, String field) {

  @Override
  public String toString() {
    return field == null ? ruleId : ruleId + "@" + field;
  }
}
