package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code rules.yaml}.
 *
 * @param id          stable UPPER-KEBAB ID ({@code SIZE-XOR-DIMS}) cited by the spec, the mock and the tests
 * @param family      rule family ({@code dimensions}, {@code auth}, ...)
 * @param tier        documented by the vendor or inferred by this project
 * @param vendorDocs  for inferred rules: silent or contradictory vendor docs; null for documented rules
 * @param security    a failure is always an error, whatever the tier
 * @param source      keys of {@link RuleCatalog#sources()}
 * @param text        the rule itself ({@code rule:} in the YAML)
 * @param decision    why this project chose the outcome, where the vendor does not settle it; may be null
 * @param choices     named choices the rule's condition reads under the decision ({@code ties: up}); may be empty
 * @param outcome     the answer an implementation must give (under the decision)
 * @param alternative the second documented-compatible reading, or null when the rule leaves nothing open
 */
public record Rule(
        String id,
        String family,
        Tier tier,
        VendorDocs vendorDocs,
        boolean security,
        List<String> source,
        @JsonProperty("rule") String text,
        String decision,
        Map<String, String> choices,
        Outcome outcome,
        Alternative alternative) {

    public Rule {
        source = source == null ? List.of() : List.copyOf(source);
        choices = choices == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(choices));
    }

    public boolean isDocumented() {
        return tier == Tier.DOCUMENTED;
    }

    public boolean isInferred() {
        return tier == Tier.INFERRED;
    }

    public Optional<String> decisionIfAny() {
        return Optional.ofNullable(decision).filter(d -> !d.isBlank());
    }

    public Optional<Alternative> alternativeIfAny() {
        return Optional.ofNullable(alternative);
    }

    /** True when the alternative reading answers or behaves differently from the decision. */
    public boolean differsUnderAlternative() {
        return alternative != null && !alternative.isNone()
                && (!alternative.outcome().isEmpty() || !alternative.choices().isEmpty()
                || !alternative.schema().isEmpty());
    }

    /** The outcome under the alternative reading (the decision's outcome when nothing differs). */
    public Outcome alternativeOutcome() {
        return alternative == null ? outcome : alternative.applyTo(outcome);
    }

    /** The choices under the alternative reading: {@link #choices()} with the alternative's values over them. */
    public Map<String, String> alternativeChoices() {
        if (alternative == null || alternative.choices().isEmpty()) {
            return choices;
        }
        Map<String, String> merged = new LinkedHashMap<>(choices);
        merged.putAll(alternative.choices());
        return Collections.unmodifiableMap(merged);
    }
}
