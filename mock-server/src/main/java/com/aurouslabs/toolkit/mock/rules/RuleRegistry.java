package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.error.ApiError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of documented rules that run after schema validation, in the {@code evaluation_order} of
 * rules.yaml (checked by RuleCatalogAgreementTest). (Before them: ROUTE-NOT-FOUND, ROUTE-METHOD-NOT-ALLOWED,
 * BODY-TOO-LARGE, AUTH-*, RATE-LIMIT-BUCKET,
 * VERSION-*, BODY-CONTENT-TYPE, BODY-JSON, then the schema; see EstimatePipeline.)
 */
public final class RuleRegistry {

    /** evaluation_order of rules.yaml after the schema rules; accepting rules (200 outcomes) at the end. */
    public static final List<String> EVALUATION_ORDER = List.of(
            "SIZE-XOR-DIMS",
            "DIM-PAIR",
            "DIM-SNAP-32",
            "CHAR-XOR-REFS",
            "PROMPT-NOT-BLANK",
            "REF-URL-NO-USERINFO",
            "REF-URL-HOST-BLOCKED",
            "LORA-NOT-FOUND",
            "CHAR-NOT-FOUND",
            "CHAR-NOT-READY",
            "REF-FILE-EXISTS",
            "LORA-MODE",
            "REF-EMPTY-IS-NONE",
            "DENOISE-IGNORED-T2I",
            "CHAR-READY",
            "LORA-RESOLVE");

    private final List<RuleCheck> checks;

    public RuleRegistry(ReferenceHostPolicy hostPolicy) {
        this(List.of(new DimensionRules(), new CharacterRules(), new PromptRules(), new ReferenceRules(hostPolicy),
                new LoraRules(), new NumericRules()));
    }

    public RuleRegistry(List<RuleFamily> families) {
        Map<String, RuleCheck> byId = new HashMap<>();
        for (RuleFamily family : families) {
            for (RuleCheck check : family.checks()) {
                if (byId.put(check.ruleId(), check) != null) {
                    throw new IllegalStateException("rule " + check.ruleId() + " registered twice");
                }
            }
        }
        List<RuleCheck> ordered = new ArrayList<>();
        for (String id : EVALUATION_ORDER) {
            RuleCheck check = byId.remove(id);
            if (check == null) {
                throw new IllegalStateException("no check registered for rule " + id);
            }
            ordered.add(check);
        }
        if (!byId.isEmpty()) {
            throw new IllegalStateException("rules missing from EVALUATION_ORDER: " + byId.keySet());
        }
        this.checks = List.copyOf(ordered);
    }

    public List<RuleCheck> checks() {
        return checks;
    }

    /** The first broken rule in evaluation order. */
    public Optional<ApiError> firstViolation(RuleContext context) {
        for (RuleCheck check : checks) {
            Optional<ApiError> error = check.check(context);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    /** Every broken rule, in evaluation order (warn-only mode). */
    public List<ApiError> allViolations(RuleContext context) {
        List<ApiError> out = new ArrayList<>();
        for (RuleCheck check : checks) {
            check.check(context).ifPresent(out::add);
        }
        return out;
    }
}
