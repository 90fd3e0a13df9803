package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How sure the catalog is of a rule: the vendor states it, or this project decided it. */
public enum Tier {
    /** The vendor states the behaviour (accept or reject). */
    @JsonProperty("documented")
    DOCUMENTED,
    /** The vendor is silent or contradictory; the catalog's value is this project's decision. */
    @JsonProperty("inferred")
    INFERRED
}
