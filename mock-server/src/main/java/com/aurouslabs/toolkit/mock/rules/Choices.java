package com.aurouslabs.toolkit.mock.rules;

import java.util.Arrays;
import java.util.Map;

/**
 * The named choices of rules.yaml in effect for one reading (the decision's, the alternative's, a defect's on top),
 * by rule ID. Rule families read them once, when a reading is built; an unknown value is a start-up error.
 */
public final class Choices {

    private final Map<String, Map<String, String>> byRule;

    public Choices(Map<String, Map<String, String>> byRule) {
        this.byRule = Map.copyOf(byRule);
    }

    /**
     * The value of choice {@code name} of rule {@code ruleId}.
     *
     * @throws IllegalStateException when rules.yaml does not set it or sets a value outside {@code allowed}
     */
    public String get(String ruleId, String name, String... allowed) {
        String value = byRule.getOrDefault(ruleId, Map.of()).get(name);
        if (value == null || !Arrays.asList(allowed).contains(value)) {
            throw new IllegalStateException("rules.yaml: rule " + ruleId + " choice " + name + " is " + value
                    + "; expected one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** True when choice {@code name} of {@code ruleId} is {@code whenTrue} (the other allowed value is {@code whenFalse}). */
    public boolean is(String ruleId, String name, String whenTrue, String whenFalse) {
        return get(ruleId, name, whenTrue, whenFalse).equals(whenTrue);
    }
}
