package com.aurouslabs.toolkit.mock.reading;

import com.aurouslabs.toolkit.mock.Profile;
import com.aurouslabs.toolkit.mock.error.ErrorEnvelopeFactory;
import com.aurouslabs.toolkit.mock.error.OutcomeBook;
import com.aurouslabs.toolkit.mock.http.ResponseAdjuster;
import com.aurouslabs.toolkit.mock.pricing.PriceCalculator;
import com.aurouslabs.toolkit.mock.pricing.Pricing;
import com.aurouslabs.toolkit.mock.rules.AuthRules;
import com.aurouslabs.toolkit.mock.rules.DimensionRules;
import com.aurouslabs.toolkit.mock.rules.RuleRegistry;
import com.aurouslabs.toolkit.mock.rules.VersionRules;
import java.util.List;
import java.util.function.Supplier;

/**
 * One reading of the docs, as a server serves it: the profile's rules.yaml data (outcomes, choices, schema, order)
 * with one defect's changes on top, turned into checks, outcomes, pricing and response post-processors. Built
 * once at start (and when a defect is set); immutable, shared by every request.
 *
 * @param profile                the profile
 * @param defect                 the defect's name, {@code NONE} for none
 * @param rules                  the checks in the reading's evaluation order
 * @param outcomes               the outcome of every rule
 * @param envelopes              the error envelope (ENVELOPE-SHAPE)
 * @param auth                   the key a request presents (AUTH-HEADER-PRECEDENCE)
 * @param versions               the version to echo (VERSION-*)
 * @param dimensions             snapping, for X-Mock-Resolved-Size (DIM-SNAP-32)
 * @param pricing                the price of an accepted request (PRICE-*)
 * @param estimates              writes the 200 body
 * @param responses              post-processors of every answer (a defect's; none otherwise)
 * @param requestIds             the request-id source (REQUEST-ID)
 * @param emptyArrayIsReferences REF-EMPTY-IS-NONE's choice
 */
public record Reading(Profile profile, String defect, RuleRegistry rules, OutcomeBook outcomes,
                      ErrorEnvelopeFactory envelopes, AuthRules auth, VersionRules versions,
                      DimensionRules dimensions, Pricing pricing, PriceCalculator estimates,
                      List<ResponseAdjuster> responses, Supplier<String> requestIds,
                      boolean emptyArrayIsReferences) {
}
