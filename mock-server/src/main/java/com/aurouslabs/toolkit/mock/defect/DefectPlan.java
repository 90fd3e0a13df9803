package com.aurouslabs.toolkit.mock.defect;

import com.aurouslabs.toolkit.mock.http.RequestIds;
import com.aurouslabs.toolkit.mock.http.ResponseAdjuster;
import com.aurouslabs.toolkit.mock.pricing.Pricing;
import com.aurouslabs.toolkit.mock.rules.ReferenceHostPolicy;
import com.aurouslabs.toolkit.mock.rules.RuleCheck;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What one defect changes, applied once when a reading is built and never looked at per request:
 * <ul>
 *   <li>data overlays on rules.yaml: outcome parts, choices, request-body schema keywords (a limit);</li>
 *   <li>wrappers around the check of one rule, by ID (suppress it, or alter what it finds), around the reference
 *       host policy of REF-URL-HOST-BLOCKED, or around the pricing;</li>
 *   <li>response post-processors (drop or rewrite a header) and the request-id source.</li>
 * </ul>
 * {@link #NONE} changes nothing.
 */
public record DefectPlan(
        Map<String, Map<String, JsonNode>> outcomes,
        Map<String, Map<String, String>> choices,
        Map<String, JsonNode> schema,
        Map<String, UnaryOperator<RuleCheck>> checks,
        UnaryOperator<ReferenceHostPolicy> hostPolicy,
        UnaryOperator<Pricing> pricing,
        List<ResponseAdjuster> responses,
        Supplier<String> requestIds) {

    /** No change. */
    public static final DefectPlan NONE = new Builder().build();

    public DefectPlan {
        outcomes = Map.copyOf(outcomes);
        choices = Map.copyOf(choices);
        schema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schema));
        checks = Map.copyOf(checks);
        responses = List.copyOf(responses);
    }

    static Builder change() {
        return new Builder();
    }

    /** Builds a plan; each defect uses one or two of these. */
    static final class Builder {
        private final Map<String, Map<String, JsonNode>> outcomes = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> choices = new LinkedHashMap<>();
        private final Map<String, JsonNode> schema = new LinkedHashMap<>();
        private final Map<String, UnaryOperator<RuleCheck>> checks = new LinkedHashMap<>();
        private UnaryOperator<ReferenceHostPolicy> hostPolicy = UnaryOperator.identity();
        private UnaryOperator<Pricing> pricing = UnaryOperator.identity();
        private final List<ResponseAdjuster> responses = new ArrayList<>();
        private Supplier<String> requestIds = RequestIds::next;

        /** Sets outcome parts of a rule (as rules.yaml's {@code alternative.outcome} does). */
        Builder outcome(String ruleId, Map<String, JsonNode> parts) {
            outcomes.put(ruleId, parts);
            return this;
        }

        Builder choice(String ruleId, String name, String value) {
            choices.computeIfAbsent(ruleId, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** A request-body schema keyword by JSON pointer; null removes it. */
        Builder schema(String pointer, JsonNode value) {
            schema.put(pointer, value);
            return this;
        }

        Builder check(String ruleId, UnaryOperator<RuleCheck> wrapper) {
            checks.put(ruleId, wrapper);
            return this;
        }

        Builder hostPolicy(UnaryOperator<ReferenceHostPolicy> wrapper) {
            this.hostPolicy = wrapper;
            return this;
        }

        Builder pricing(UnaryOperator<Pricing> wrapper) {
            this.pricing = wrapper;
            return this;
        }

        Builder response(ResponseAdjuster adjuster) {
            responses.add(adjuster);
            return this;
        }

        Builder requestIds(Supplier<String> ids) {
            this.requestIds = ids;
            return this;
        }

        DefectPlan build() {
            return new DefectPlan(outcomes, choices, schema, checks, hostPolicy, pricing, responses, requestIds);
        }
    }
}
