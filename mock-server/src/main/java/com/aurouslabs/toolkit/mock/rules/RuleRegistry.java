package com.aurouslabs.toolkit.mock.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of one reading, keyed by rule ID and put in the order rules.yaml gives ({@code evaluation_order}: the
 * fixed steps, then the decision's or the alternative's order). Nothing here repeats the order: it is checked at
 * start that every step has a check, every check a step, and that BODY-JSON comes before every step that reads
 * the body.
 */
public final class RuleRegistry {

    /** The fixed steps the HTTP layer answers before a request reaches the checks (routing, the body size). */
    public static final Set<String> TRANSPORT_STEPS = Set.of("ROUTE-NOT-FOUND", "ROUTE-METHOD-NOT-ALLOWED",
            "BODY-TOO-LARGE");
    private static final String BODY_JSON = "BODY-JSON";

    private final List<RuleCheck> fixed;
    private final List<RuleCheck> ordered;

    /**
     * @param fixedOrder the catalog's fixed steps (transport steps first, then authentication and the rate limit)
     * @param order      the rest, in the order of the reading
     * @param checks     every check by rule ID (a defect may have wrapped one)
     */
    public RuleRegistry(List<String> fixedOrder, List<String> order, Map<String, RuleCheck> checks) {
        Map<String, RuleCheck> left = new LinkedHashMap<>(checks);
        int transport = 0;
        List<RuleCheck> fixedChecks = new ArrayList<>();
        for (String id : fixedOrder) {
            if (TRANSPORT_STEPS.contains(id)) {
                if (!fixedChecks.isEmpty()) {
                    throw new IllegalStateException("rules.yaml: transport step " + id
                            + " must come before the checked fixed steps");
                }
                transport++;
                continue;
            }
            fixedChecks.add(take(left, id));
        }
        if (transport != TRANSPORT_STEPS.size()) {
            throw new IllegalStateException("rules.yaml: evaluation_order.fixed must hold " + TRANSPORT_STEPS);
        }
        List<RuleCheck> orderedChecks = new ArrayList<>();
        boolean bodyParsed = false;
        for (String id : order) {
            RuleCheck check = take(left, id);
            if (check.readsBody() && !bodyParsed) {
                throw new IllegalStateException("rules.yaml: evaluation order puts " + id + " before " + BODY_JSON);
            }
            bodyParsed |= id.equals(BODY_JSON);
            orderedChecks.add(check);
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("rules.yaml: evaluation_order does not place " + left.keySet());
        }
        this.fixed = List.copyOf(fixedChecks);
        this.ordered = List.copyOf(orderedChecks);
    }

    private static RuleCheck take(Map<String, RuleCheck> checks, String id) {
        RuleCheck check = checks.remove(id);
        if (check == null) {
            throw new IllegalStateException("rules.yaml: evaluation_order names " + id
                    + ", which has no check (or is named twice)");
        }
        return check;
    }

    /** Authentication and the rate limit: always answered, also in warn-only mode. */
    public List<RuleCheck> fixed() {
        return fixed;
    }

    /** The other checks, in the reading's order. */
    public List<RuleCheck> ordered() {
        return ordered;
    }
}
