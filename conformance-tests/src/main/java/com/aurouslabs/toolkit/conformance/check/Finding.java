package com.aurouslabs.toolkit.conformance.check;

import java.util.Set;

/**
 * One way a response breaks a rule. {@code parts} names what differs: {@code status}, {@code type},
 * {@code code}, {@code param}, {@code header}, {@code doc_url}, {@code schema}, or {@code rule} (the rule's own
 * statement, e.g. an invariant). The policy uses them to tell failures from warnings.
 */
public record Finding(String ruleId, Set<String> parts, String message) {}
