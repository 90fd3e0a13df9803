package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code rules.yaml}.
 *
 * @param id         stable UPPER-KEBAB ID ({@code SIZE-XOR-DIMS}) cited by the spec, the mock and the tests
 * @param family     rule family ({@code dimensions}, {@code auth}, ...)
 * @param tier       documented by the vendor or inferred by this project
 * @param vendorDocs for inferred rules: silent or contradictory vendor docs; null for documented rules
 * @param security   a failure is always an error, whatever the tier
 * @param source     keys of {@link RuleCatalog#sources()}
 * @param text       the rule itself ({@code rule:} in the YAML)
 * @param decision   why this project chose the outcome, where the vendor does not settle it; may be null
 * @param outcome    the answer an implementation must give
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
        Outcome outcome) {

    public Rule {
        source = source == null ? List.of() : List.copyOf(source);
    }

    public boolean isInferred() {
        return tier == Tier.INFERRED;
    }

    public Optional<String> decisionIfAny() {
        return Optional.ofNullable(decision).filter(d -> !d.isBlank());
    }
}
