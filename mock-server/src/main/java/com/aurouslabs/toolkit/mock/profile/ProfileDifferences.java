package com.aurouslabs.toolkit.mock.profile;

import com.aurouslabs.toolkit.openapi.Alternative;
import com.aurouslabs.toolkit.openapi.Outcome;
import com.aurouslabs.toolkit.openapi.Rule;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every choice on which the default and the alternative profile differ, read from the catalog. */
public final class ProfileDifferences {

    /** Pseudo rule ID of the difference in evaluation order. */
    public static final String ORDER = "EVALUATION-ORDER";

    private ProfileDifferences() {
    }

    /** One entry per rule whose alternative differs, in catalog order, then the evaluation order. */
    public static List<ProfileDifference> of(RuleCatalog catalog) {
        return of(catalog, true);
    }

    /** The same, the alternative's words left out when {@code withText} is false (one short line each). */
    public static List<ProfileDifference> of(RuleCatalog catalog, boolean withText) {
        List<ProfileDifference> out = new ArrayList<>();
        for (Rule rule : catalog.alternatives()) {
            out.add(new ProfileDifference(rule.id(), describe(rule, false, withText), describe(rule, true, withText)));
        }
        if (!catalog.evaluationOrder().equals(catalog.alternativeEvaluationOrder())
                || catalog.schemaFindings() != catalog.alternativeSchemaFindings()) {
            int fixed = catalog.fixedEvaluationOrder().size();
            out.add(new ProfileDifference(ORDER,
                    order(catalog.evaluationOrder().subList(fixed, catalog.evaluationOrder().size()),
                            catalog.schemaFindings()),
                    order(catalog.alternativeEvaluationOrder().subList(fixed,
                            catalog.alternativeEvaluationOrder().size()), catalog.alternativeSchemaFindings())));
        }
        return List.copyOf(out);
    }

    private static String order(List<String> steps, RuleCatalog.SchemaFindingOrder schema) {
        return String.join(" > ", steps) + " (schema findings in "
                + schema.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    }

    private static String describe(Rule rule, boolean alternative, boolean withText) {
        Alternative alt = rule.alternative();
        Outcome outcome = alternative ? rule.alternativeOutcome() : rule.outcome();
        Map<String, String> choices = alternative ? rule.alternativeChoices() : rule.choices();
        List<String> parts = new ArrayList<>();
        for (String part : alt.changedParts()) {
            if (!part.equals("message")) {
                parts.add(part + " " + outcome.part(part));
            }
        }
        for (String name : alt.choices().keySet()) {
            parts.add(name + "=" + choices.get(name));
        }
        for (Map.Entry<String, JsonNode> e : alt.schema().entrySet()) {
            parts.add(alternative
                    ? "schema " + e.getKey() + (e.getValue() == null || e.getValue().isNull()
                            ? " removed" : " = " + e.getValue())
                    : "schema " + e.getKey() + " as in estimate.yaml");
        }
        String summary = String.join(", ", parts);
        if (withText && alternative && alt.textIfAny().isPresent()) {
            summary = summary + " (" + alt.textIfAny().get().replaceAll("\\s+", " ").strip() + ")";
        }
        return summary;
    }
}
