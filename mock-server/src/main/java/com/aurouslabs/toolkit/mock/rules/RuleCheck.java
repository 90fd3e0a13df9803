package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.error.ApiError;
import java.util.Optional;
import java.util.function.Function;

/** One documented rule, named by its ID in rules.yaml: empty when the request passes it, else the error. */
public interface RuleCheck {

    String ruleId();

    Optional<ApiError> check(RuleContext context);

    static RuleCheck of(String ruleId, Function<RuleContext, Optional<ApiError>> check) {
        return new RuleCheck() {
            @Override
            public String ruleId() {
                return ruleId;
            }

            @Override
            public Optional<ApiError> check(RuleContext context) {
                return check.apply(context);
            }

            @Override
            public String toString() {
                return ruleId;
            }
        };
    }

    /** A rule whose documented outcome is acceptance (200); listed so every rule ID has a place. */
    static RuleCheck accepting(String ruleId) {
        return of(ruleId, c -> Optional.empty());
    }
}
