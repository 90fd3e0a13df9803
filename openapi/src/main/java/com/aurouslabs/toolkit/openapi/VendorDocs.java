package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an {@link Tier#INFERRED inferred} rule is inferred. */
public enum VendorDocs {
    /** The vendor's pages say nothing on the point. */
    @JsonProperty("silent")
    SILENT,
    /** The vendor's pages or samples disagree; the rule carries a {@code decision}. */
    @JsonProperty("contradictory")
    CONTRADICTORY
}
