package com.aurouslabs.toolkit.mock;

/**
 * Test-only defect injection (TEAM-NOTES.md): each value breaks exactly one rule, so the conformance suite can
 * prove that it notices. {@link #NONE} is the default and the only value a real user wants.
 */
public enum Defect {
    /** No defect. */
    NONE(null),
    /** DIM-SNAP-32 broken: an in-range width/height that is not a multiple of 32 is rejected. */
    REJECT_NON_MULTIPLE_OF_32("DIM-SNAP-32"),
    /** SIZE-XOR-DIMS broken: size together with width/height is accepted. */
    ACCEPT_SIZE_WITH_DIMS("SIZE-XOR-DIMS"),
    /** CHAR-XOR-REFS broken: character_id together with references is accepted. */
    MISS_CHARACTER_REF_EXCLUSION("CHAR-XOR-REFS"),
    /** PRICE-REFS-FREE broken: every reference image adds the image base price. */
    PRICE_REFERENCES("PRICE-REFS-FREE"),
    /** DIM-PAIR broken: width without height (or the reverse) is accepted. */
    ACCEPT_LONE_DIMENSION("DIM-PAIR"),
    /** CHAR-NOT-FOUND broken: another team's character gives a different 404 than an unknown one. */
    LEAK_FOREIGN_CHARACTER("CHAR-NOT-FOUND"),
    /** REF-URL-HOST-BLOCKED broken: private, loopback and metadata hosts are accepted. */
    ACCEPT_PRIVATE_REFERENCE_HOST("REF-URL-HOST-BLOCKED"),
    /** STEPS-RANGE broken: steps above the maximum are accepted. */
    ACCEPT_STEPS_OVER_MAX("STEPS-RANGE"),
    /** PROMPT-NOT-BLANK broken: a whitespace-only prompt is accepted. */
    ACCEPT_BLANK_PROMPT("PROMPT-NOT-BLANK"),
    /** REQUEST-ID broken: responses lack the Aurous-Request-Id header. */
    MISSING_REQUEST_ID("REQUEST-ID");

    private final String brokenRuleId;

    Defect(String brokenRuleId) {
        this.brokenRuleId = brokenRuleId;
    }

    /** The rule ID from rules.yaml this defect breaks, or null for {@link #NONE}. */
    public String brokenRuleId() {
        return brokenRuleId;
    }
}
