package com.aurouslabs.toolkit.conformance.spec;

import java.util.Set;

/**
 * One rule of rules.yaml. {@code status}/{@code type}/{@code code}/{@code param} are the expected outcome
 * ({@code null} when the rule does not state that part); {@code documented} lists which parts the vendor
 * itself documents (the others are this project's decision); {@code decision} is the catalog's note on a choice
 * the vendor leaves open, if any; {@code alternative} is the catalog's second, documented-compatible reading of
 * the outcome ({@code null} when the catalog gives none).
 */
public record Rule(String id, String family, Tier tier, boolean security, String text, Integer status,
    String type, String code, String param, Set<String> documented, String decision, Alternative alternative) {

  public enum Tier { DOCUMENTED, INFERRED }

  /**
   * The outcome under the catalog's {@code alternative} reading: the rule's own outcome with the parts the
   * alternative names replaced ({@code paramSet}: the alternative names param, possibly as null; {@code reading}: it
   * also flips a choice of the rule or changes the schema).
   */
  public record Alternative(String text, Integer status, String type, String code, String param, boolean paramSet,
      boolean reading) {}

  public boolean documents(String part) {
    return documented.contains(part);
  }

  public boolean isDocumented() {
    return tier == Tier.DOCUMENTED;
  }

  /** A rejecting rule (4xx outcome). */
  public boolean rejects() {
    return status != null && status >= 400;
  }
}
