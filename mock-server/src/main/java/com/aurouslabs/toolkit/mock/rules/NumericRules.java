package com.aurouslabs.toolkit.mock.rules;

import java.util.List;

/**
 * Family "numeric": the ranges are the schema's (STEPS-RANGE, GUIDANCE-RANGE, ...); what is left is
 * DENOISE-IGNORED-T2I, an acceptance: denoise_strength without references or character is accepted and has no
 * effect on the estimate (the pricing never reads it).
 */
public final class NumericRules implements RuleFamily {

    @Override
    public List<RuleCheck> checks() {
        return List.of(RuleCheck.accepting("DENOISE-IGNORED-T2I"));
    }
}
