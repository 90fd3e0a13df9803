package com.aurouslabs.toolkit.mock.pricing;

import com.aurouslabs.toolkit.mock.fixtures.RateCard;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Prices one accepted request with the caller's rate card (PRICE-*). */
@FunctionalInterface
public interface Pricing {

    Estimate price(RateCard card, ObjectNode body);
}
