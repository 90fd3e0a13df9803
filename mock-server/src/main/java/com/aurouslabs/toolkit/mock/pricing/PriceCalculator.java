package com.aurouslabs.toolkit.mock.pricing;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.fixtures.RateCard;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * PRICE-*: base = image.base x count (PRICE-COUNT); with enhance_prompt true an enhance line of
 * base x (multiplier - 1) (PRICE-ENHANCE, absent otherwise); references and characters are free
 * (PRICE-REFS-FREE); nothing else matters (PRICE-SIZE-INDEPENDENT); amount = sum of lines (PRICE-SUM).
 * Whole amounts are written as integers ({@code 1}, not {@code 1.0}).
 */
public final class PriceCalculator {

    private PriceCalculator() {
    }

    /**
     * The 200 body as UTF-8 JSON bytes, written directly (the hot path: no tree, no ObjectMapper):
     * {@code {"object":"estimate","estimated_cost":{"amount":A,"breakdown":{"base":B[,"enhance":E]}},"currency":"credit"}}.
     */
    public static byte[] estimateJson(RateCard card, ObjectNode body, Defect defect) {
        BigDecimal count = BigDecimal.valueOf(intOr(body.get("count"), 1));
        BigDecimal base = card.imageBase().multiply(count);
        StringBuilder breakdown = new StringBuilder(64).append("{\"base\":").append(plain(base));
        BigDecimal amount = base;
        JsonNode enhance = body.get("enhance_prompt");
        if (enhance != null && enhance.isBoolean() && enhance.booleanValue()) {
            BigDecimal line = base.multiply(card.enhancePromptMultiplier().subtract(BigDecimal.ONE));
            breakdown.append(",\"enhance\":").append(plain(line));
            amount = amount.add(line);
        }
        if (defect == Defect.PRICE_REFERENCES) {
            JsonNode refs = body.get("reference_image_urls");
            int n = refs != null && refs.isArray() ? refs.size() : 0;
            if (n > 0) {
                BigDecimal line = card.imageBase().multiply(BigDecimal.valueOf(n));
                breakdown.append(",\"references\":").append(plain(line));
                amount = amount.add(line);
            }
        }
        String json = "{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":" + plain(amount)
                + ",\"breakdown\":" + breakdown + "}},\"currency\":\"credit\"}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    private static int intOr(JsonNode node, int fallback) {
        if (node != null && node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt()) {
            int v = node.intValue();
            return v >= 1 ? v : fallback;
        }
        return fallback;
    }

    /** {@code 1} for whole numbers, {@code 1.5} otherwise (never {@code 1.0} or {@code 1E+1}). */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
    }
}
