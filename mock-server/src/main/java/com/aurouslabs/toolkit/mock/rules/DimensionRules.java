package com.aurouslabs.toolkit.mock.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Family "dimensions": SIZE-XOR-DIMS, DIM-PAIR, DIM-SNAP-32 (SIZE-ENUM and DIM-RANGE are the schema's). DIM-SNAP-32
 * never rejects: an in-range value is snapped to the nearest multiple of 32, ties as its choice says.
 */
public final class DimensionRules {

    static final String SNAP_RULE = "DIM-SNAP-32";
    private static final BigDecimal SNAP = BigDecimal.valueOf(32);
    private static final BigDecimal HALF = BigDecimal.valueOf(16);

    private final boolean tiesDown;

    public DimensionRules(Choices choices) {
        this.tiesDown = choices.is(SNAP_RULE, "ties", "down", "up");
    }

    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.of("SIZE-XOR-DIMS", DimensionRules::sizeXorDims),
                RuleCheck.of("DIM-PAIR", DimensionRules::dimPair),
                RuleCheck.accepting(SNAP_RULE));
    }

    static Optional<Violation> sizeXorDims(RuleContext c) {
        if (c.has("size") && (c.has("width") || c.has("height"))) {
            return Optional.of(Violation.of("SIZE-XOR-DIMS"));
        }
        return Optional.empty();
    }

    static Optional<Violation> dimPair(RuleContext c) {
        boolean w = c.has("width");
        boolean h = c.has("height");
        if (w == h) {
            return Optional.empty();
        }
        return Optional.of(Violation.of("DIM-PAIR").with("missing", w ? "height" : "width")
                .with("present", w ? "width" : "height"));
    }

    /**
     * Nearest multiple of 32; a tie (16 past a multiple) rounds as the DIM-SNAP-32 choice says. Exact for any
     * value (warn-only mode snaps out-of-range ones too).
     */
    public BigInteger snap(BigDecimal value) {
        BigDecimal[] qr = value.divideAndRemainder(SNAP);
        BigDecimal floor = qr[0].multiply(SNAP);
        if (qr[1].signum() < 0) {
            floor = floor.subtract(SNAP);
            qr[1] = qr[1].add(SNAP);
        }
        int cmp = qr[1].compareTo(HALF);
        boolean up = cmp > 0 || (cmp == 0 && !tiesDown);
        return floor.add(up ? SNAP : BigDecimal.ZERO).setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact();
    }

    /** What the mock reports in X-Mock-Resolved-Size: the preset name, {@code WxH} after snapping, or null. */
    public String resolvedSize(ObjectNode body) {
        JsonNode size = body.get("size");
        if (size != null && size.isTextual()) {
            return size.textValue();
        }
        JsonNode w = body.get("width");
        JsonNode h = body.get("height");
        if (w != null && h != null && w.isNumber() && h.isNumber()) {
            return snap(w.decimalValue()) + "x" + snap(h.decimalValue());
        }
        return null;
    }
}
