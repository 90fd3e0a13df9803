package com.aurouslabs.toolkit.mock.pricing;

import com.aurouslabs.toolkit.mock.fixtures.RateCard;
import com.aurouslabs.toolkit.mock.rules.Choices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * PRICE-*: base = image.base x count (PRICE-COUNT); with enhance_prompt true an enhance line of base x (multiplier -
 * 1) (PRICE-ENHANCE; without it the line is absent, or 0, as its choice says); reference images cost the card's
 * {@code reference_image_per_image} each (0 on the vendor's card, so no line: PRICE-REFS-FREE); nothing else
 * matters (PRICE-SIZE-INDEPENDENT); amount = sum of lines (PRICE-SUM). Whole amounts are written as integers
 * ({@code 1}) or as decimals ({@code 1.0}), as the PRICE-COUNT choice says.
 */
public final class PriceCalculator implements Pricing {

    static final String BASE = "base";
    static final String ENHANCE = "enhance";
    static final String REFERENCES = "references";

    private final boolean zeroEnhanceLine;
    private final boolean decimals;

    public PriceCalculator(Choices choices) {
        this.zeroEnhanceLine = choices.is("PRICE-ENHANCE", "enhance_line_when_off", "zero", "absent");
        this.decimals = choices.is("PRICE-COUNT", "amounts", "decimal", "whole_as_integer");
    }

    @Override
    public Estimate price(RateCard card, ObjectNode body) {
        BigDecimal base = card.imageBase().multiply(BigDecimal.valueOf(intOr(body.get("count"), 1)));
        List<Estimate.Line> lines = new ArrayList<>(3);
        lines.add(new Estimate.Line(BASE, base));
        JsonNode enhance = body.get("enhance_prompt");
        if (enhance != null && enhance.isBoolean() && enhance.booleanValue()) {
            lines.add(new Estimate.Line(ENHANCE,
                    base.multiply(card.enhancePromptMultiplier().subtract(BigDecimal.ONE))));
        } else if (zeroEnhanceLine) {
            lines.add(new Estimate.Line(ENHANCE, BigDecimal.ZERO));
        }
        BigDecimal perReference = card.referenceImagePerImage();
        JsonNode refs = body.get("reference_image_urls");
        if (perReference != null && perReference.signum() > 0 && refs != null && refs.isArray() && !refs.isEmpty()) {
            lines.add(new Estimate.Line(REFERENCES, perReference.multiply(BigDecimal.valueOf(refs.size()))));
        }
        BigDecimal amount = BigDecimal.ZERO;
        for (Estimate.Line line : lines) {
            amount = amount.add(line.amount());
        }
        return new Estimate(lines, amount);
    }

    /**
     * The 200 body as UTF-8 JSON bytes, written directly (the hot path: no tree, no ObjectMapper):
     * {@code {"object":"estimate","estimated_cost":{"amount":A,"breakdown":{"base":B[,"enhance":E]}},"currency":"credit"}}.
     */
    public byte[] json(Estimate estimate) {
        // One ASCII byte array of the exact size: a StringBuilder, its String and the String's bytes were three copies.
        List<Estimate.Line> lines = estimate.lines();
        String amount = number(estimate.amount());
        String[] numbers = new String[lines.size()];
        int length = JSON_HEAD.length() + amount.length() + JSON_BREAKDOWN.length() + JSON_TAIL.length();
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = number(lines.get(i).amount());
            length += (i == 0 ? 0 : 1) + 1 + lines.get(i).name().length() + 2 + numbers[i].length();
        }
        byte[] out = new byte[length];
        int at = put(out, 0, JSON_HEAD);
        at = put(out, at, amount);
        at = put(out, at, JSON_BREAKDOWN);
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            out[at++] = '"';
            at = put(out, at, lines.get(i).name());
            out[at++] = '"';
            out[at++] = ':';
            at = put(out, at, numbers[i]);
        }
        put(out, at, JSON_TAIL);
        return out;
    }

    private static final String JSON_HEAD = "{\"object\":\"estimate\",\"estimated_cost\":{\"amount\":";
    private static final String JSON_BREAKDOWN = ",\"breakdown\":{";
    private static final String JSON_TAIL = "}},\"currency\":\"credit\"}";

    /** Writes ASCII {@code s} (line names and numbers are ASCII) at {@code at}; returns the next index. */
    private static int put(byte[] out, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            out[at + i] = (byte) s.charAt(i);
        }
        return at + s.length();
    }

    private static int intOr(JsonNode node, int fallback) {
        if (node != null && node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt()) {
            int v = node.intValue();
            return v >= 1 ? v : fallback;
        }
        return fallback;
    }

    private String number(BigDecimal value) {
        String plain = plain(value);
        return decimals && plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /** {@code 1} for whole numbers, {@code 1.5} otherwise (never {@code 1.0} or {@code 1E+1}). */
    static String plain(BigDecimal value) {
        if (value.scale() == 0 && value.precision() < 19) {
            return Long.toString(value.longValue()); // the usual case, without the BigInteger detour
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
    }
}
