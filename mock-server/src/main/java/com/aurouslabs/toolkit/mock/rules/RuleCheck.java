package com.aurouslabs.toolkit.mock.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The condition of one rule of rules.yaml, named by its ID: empty when the request passes it, else the violation.
 * The outcome of a violation (status, code, param, message) is the catalog's, never the check's.
 */
public interface RuleCheck {

    String ruleId();

    Optional<Violation> check(RuleContext context);

    /** Every violation of this rule (warn-only mode); the schema step has several, the others one at most. */
    default List<Violation> checkAll(RuleContext context) {
        return check(context).map(List::of).orElse(List.of());
    }

    /** False for checks on the headers alone, which run whether or not the body parsed. */
    default boolean readsBody() {
        return true;
    }

    static RuleCheck of(String ruleId, Function<RuleContext, Optional<Violation>> condition) {
        return new Simple(ruleId, condition, true);
    }

    /** A check on the headers (it runs even when the body is not JSON, in warn-only mode). */
    static RuleCheck onHeaders(String ruleId, Function<RuleContext, Optional<Violation>> condition) {
        return new Simple(ruleId, condition, false);
    }

    /** A rule that never rejects on its own (its outcome is acceptance); it has a step so a defect can alter it. */
    static RuleCheck accepting(String ruleId) {
        return new Simple(ruleId, c -> Optional.empty(), true);
    }

    /** The plain implementation. */
    record Simple(String ruleId, Function<RuleContext, Optional<Violation>> condition, boolean readsBody)
            implements RuleCheck {
        @Override
        public Optional<Violation> check(RuleContext context) {
            return condition.apply(context);
        }

        @Override
        public String toString() {
            return ruleId;
        }
    }
}
