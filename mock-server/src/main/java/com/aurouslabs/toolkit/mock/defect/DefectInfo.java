package com.aurouslabs.toolkit.mock.defect;

/**
 * One defect the mock can inject, for proving that a conformance suite notices it.
 *
 * @param name        the name to pass to {@code --defect}, {@code MockOptions.Builder.defect}, {@code PUT /__admin/defect}
 * @param ruleId      the one rule of rules.yaml the defect breaks (the rule a suite is expected to report)
 * @param description what the defective mock does, in words
 */
public record DefectInfo(String name, String ruleId, String description) {
}
