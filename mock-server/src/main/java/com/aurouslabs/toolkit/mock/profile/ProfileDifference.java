package com.aurouslabs.toolkit.mock.profile;

/**
 * One choice on which the two readings of rules.yaml differ.
 *
 * @param ruleId      the rule (or {@code EVALUATION-ORDER} for the order of the unordered steps)
 * @param decision    what the default profile does
 * @param alternative what the alternative profile does
 */
public record ProfileDifference(String ruleId, String decision, String alternative) {
}
