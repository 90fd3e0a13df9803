package com.aurouslabs.toolkit.mock.pricing;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.fixtures.RateCard;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * PRICE-*: base = image.base x count (PRICE-COUNT); with enhance_prompt true an enhance line of
 * base x (multiplier - 1) (PRICE-ENHANCE, absent otherwise); references and characters are free
 * (PRICE-REFS-FREE); nothing else matters (PRICE-SIZE-INDEPENDENT); amount = sum of lines (PRICE-SUM).
 * Whole amounts are written as integers ({@code 1}, not {@code 1.0}).
 */
public final class PriceCalculator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private PriceCalculator() {
    }

    public static ObjectNode estimate(RateCard card, ObjectNode body, Defect defect) {
        BigDecimal count = BigDecimal.valueOf(intOr(body.get("count"), 1));
        BigDecimal base = card.imageBase().multiply(count);
        ObjectNode breakdown = NODES.objectNode();
        breakdown.set("base", number(base));
        BigDecimal amount = base;
        JsonNode enhance = body.get("enhance_prompt");
        if (enhance != null && enhance.isBoolean() && enhance.booleanValue()) {
            BigDecimal line = base.multiply(card.enhancePromptMultiplier().subtract(BigDecimal.ONE));
            breakdown.set("enhance", number(line));
            amount = amount.add(line);
        }
        if (defect == Defect.PRICE_REFERENCES) {
            JsonNode refs = body.get("reference_image_urls");
            int n = refs != null && refs.isArray() ? refs.size() : 0;
            if (n > 0) {
                BigDecimal line = card.imageBase().multiply(BigDecimal.valueOf(n));
                breakdown.set("references", number(line));
                amount = amount.add(line);
            }
        }
        ObjectNode cost = NODES.objectNode();
        cost.set("amount", number(amount));
        cost.set("breakdown", breakdown);
        ObjectNode estimate = NODES.objectNode();
        estimate.put("object", "estimate");
        estimate.set("estimated_cost", cost);
        estimate.put("currency", "credit");
        return estimate;
    }

    private static int intOr(JsonNode node, int fallback) {
        if (node != null && node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt()) {
            int v = node.intValue();
            return v >= 1 ? v : fallback;
        }
        return fallback;
    }

    /** {@code 1} for whole numbers, {@code 1.5} otherwise (never {@code 1.0} or {@code 1E+1}). */
    static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return NODES.numberNode(stripped.toBigIntegerExact());
        }
        return NODES.numberNode(stripped);
    }
}
