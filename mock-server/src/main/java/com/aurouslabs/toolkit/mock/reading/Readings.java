package com.aurouslabs.toolkit.mock.reading;

import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.defect.DefectPlan;
import com.aurouslabs.toolkit.mock.defect.Defects;
import com.aurouslabs.toolkit.mock.error.ErrorEnvelopeFactory;
import com.aurouslabs.toolkit.mock.error.OutcomeBook;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.pricing.PriceCalculator;
import com.aurouslabs.toolkit.mock.ratelimit.TeamRateLimiter;
import com.aurouslabs.toolkit.mock.rules.AuthRules;
import com.aurouslabs.toolkit.mock.rules.BodyRules;
import com.aurouslabs.toolkit.mock.rules.CharacterRules;
import com.aurouslabs.toolkit.mock.rules.Choices;
import com.aurouslabs.toolkit.mock.rules.DimensionRules;
import com.aurouslabs.toolkit.mock.rules.LoraRules;
import com.aurouslabs.toolkit.mock.rules.PromptRules;
import com.aurouslabs.toolkit.mock.rules.RateLimitRules;
import com.aurouslabs.toolkit.mock.rules.ReferenceHostPolicy;
import com.aurouslabs.toolkit.mock.rules.ReferenceRules;
import com.aurouslabs.toolkit.mock.rules.RuleCheck;
import com.aurouslabs.toolkit.mock.rules.RuleRegistry;
import com.aurouslabs.toolkit.mock.rules.SchemaRules;
import com.aurouslabs.toolkit.mock.rules.VersionRules;
import com.aurouslabs.toolkit.mock.validation.BodySchemaValidator;
import com.aurouslabs.toolkit.mock.validation.SpecDocument;
import com.aurouslabs.toolkit.openapi.Alternative;
import com.aurouslabs.toolkit.openapi.Outcome;
import com.aurouslabs.toolkit.openapi.Rule;
import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Reading} of one profile with one defect: rules.yaml's decision (or alternative) data, the
 * defect's {@link DefectPlan} on top, every rule family constructed with the choices in effect, the checks put in
 * the catalog's order. The one place where the profile and the defect are looked at; the request path only ever
 * sees the result.
 */
public final class Readings {

    private final RuleCatalog catalog;
    private final SpecDocument spec;
    private final FixtureIndex fixtures;
    private final TeamRateLimiter limiter;
    private final ReferenceHostPolicy hostPolicy;
    private final Profile profile;

    public Readings(RuleCatalog catalog, SpecDocument spec, FixtureIndex fixtures, TeamRateLimiter limiter,
                    ReferenceHostPolicy hostPolicy, Profile profile) {
        this.catalog = catalog;
        this.spec = spec;
        this.fixtures = fixtures;
        this.limiter = limiter;
        this.hostPolicy = hostPolicy;
        this.profile = profile;
    }

    public Reading build(String defectName) {
        String defect = Defects.canonical(defectName);
        DefectPlan plan = Defects.plan(defect);
        boolean alternative = profile == Profile.ALTERNATIVE;

        Map<String, Outcome> outcomes = new HashMap<>();
        Map<String, Map<String, String>> choices = new HashMap<>();
        Map<String, JsonNode> schemaChanges = new LinkedHashMap<>();
        for (Rule rule : catalog.rules()) {
            outcomes.put(rule.id(), alternative ? rule.alternativeOutcome() : rule.outcome());
            choices.put(rule.id(), new HashMap<>(alternative ? rule.alternativeChoices() : rule.choices()));
            if (alternative && rule.alternative() != null) {
                schemaChanges.putAll(rule.alternative().schema());
            }
        }
        plan.outcomes().forEach((id, parts) -> outcomes.put(id,
                new Alternative(null, parts, null, null, null).applyTo(existing(outcomes.get(id), id))));
        plan.choices().forEach((id, values) -> existing(choices.get(id), id).putAll(values));
        schemaChanges.putAll(plan.schema());
        Choices inEffect = new Choices(choices);

        BodySchemaValidator schema = new BodySchemaValidator(spec, schemaChanges,
                alternative ? catalog.alternativeSchemaFindings() : catalog.schemaFindings());
        AuthRules auth = new AuthRules(fixtures, inEffect);
        VersionRules versions = new VersionRules(spec, schema);
        DimensionRules dimensions = new DimensionRules(inEffect);
        ReferenceRules references = new ReferenceRules(plan.hostPolicy().apply(hostPolicy), inEffect);

        Map<String, RuleCheck> checks = new LinkedHashMap<>();
        for (List<RuleCheck> family : List.of(auth.checks(), new RateLimitRules(limiter).checks(), versions.checks(),
                new BodyRules(inEffect).checks(), new SchemaRules(schema, references).checks(), dimensions.checks(),
                new CharacterRules(inEffect).checks(), new PromptRules(inEffect).checks(), references.checks(),
                new LoraRules(inEffect).checks())) {
            for (RuleCheck check : family) {
                if (checks.put(check.ruleId(), check) != null) {
                    throw new IllegalStateException("rule " + check.ruleId() + " has two checks");
                }
            }
        }
        plan.checks().forEach((id, wrapper) -> checks.put(id, wrapper.apply(existing(checks.get(id), id))));

        List<String> order = alternative ? catalog.alternativeEvaluationOrder() : catalog.evaluationOrder();
        List<String> fixed = catalog.fixedEvaluationOrder();
        RuleRegistry registry = new RuleRegistry(fixed, order.subList(fixed.size(), order.size()), checks);

        PriceCalculator calculator = new PriceCalculator(inEffect);
        return new Reading(profile, defect, registry, new OutcomeBook(outcomes),
                new ErrorEnvelopeFactory(catalog.docUrlBase(),
                        inEffect.is("ENVELOPE-SHAPE", "null_param", "omitted", "present")),
                auth, versions, dimensions, plan.pricing().apply(calculator), calculator, plan.responses(),
                plan.requestIds(), inEffect.is("REF-EMPTY-IS-NONE", "empty_array", "references", "none"));
    }

    private static <T> T existing(T value, String ruleId) {
        if (value == null) {
            throw new IllegalStateException("a defect changes rule " + ruleId + ", which rules.yaml does not have");
        }
        return value;
    }
}
