package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.error.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Family "dimensions": SIZE-XOR-DIMS, DIM-PAIR, DIM-SNAP-32 (SIZE-ENUM and DIM-RANGE are the schema's). */
public final class DimensionRules implements RuleFamily {

    private static final int SNAP = 32;

    @Override
    public List<RuleCheck> checks() {
        return List.of(
                RuleCheck.of("SIZE-XOR-DIMS", DimensionRules::sizeXorDims),
                RuleCheck.of("DIM-PAIR", DimensionRules::dimPair),
                RuleCheck.of("DIM-SNAP-32", DimensionRules::snapNeverRejects));
    }

    static Optional<ApiError> sizeXorDims(RuleContext c) {
        if (c.defectIs(Defect.ACCEPT_SIZE_WITH_DIMS)) {
            return Optional.empty();
        }
        if (c.has("size") && (c.has("width") || c.has("height"))) {
            return Optional.of(ApiError.invalidRequest("SIZE-XOR-DIMS", "parameter_invalid_combination", "size",
                    "Send either size or width and height, not both."));
        }
        return Optional.empty();
    }

    static Optional<ApiError> dimPair(RuleContext c) {
        if (c.defectIs(Defect.ACCEPT_LONE_DIMENSION)) {
            return Optional.empty();
        }
        boolean w = c.has("width");
        boolean h = c.has("height");
        if (w && !h) {
            return Optional.of(ApiError.invalidRequest("DIM-PAIR", "missing_field", "height",
                    "height is required when width is sent."));
        }
        if (h && !w) {
            return Optional.of(ApiError.invalidRequest("DIM-PAIR", "missing_field", "width",
                    "width is required when height is sent."));
        }
        return Optional.empty();
    }

    /** DIM-SNAP-32 accepts every in-range value; only the injected defect makes it reject non-multiples. */
    static Optional<ApiError> snapNeverRejects(RuleContext c) {
        if (!c.defectIs(Defect.REJECT_NON_MULTIPLE_OF_32)) {
            return Optional.empty();
        }
        for (String field : List.of("width", "height")) {
            JsonNode n = c.body().get(field);
            if (n != null && n.isNumber() && n.intValue() % SNAP != 0) {
                return Optional.of(ApiError.invalidFormat("DIM-SNAP-32", field,
                        field + " must be a multiple of 32."));
            }
        }
        return Optional.empty();
    }

    /** Nearest multiple of 32, ties (16 past a multiple) rounding up. */
    public static int snap(int value) {
        return Math.floorDiv(value + SNAP / 2, SNAP) * SNAP;
    }

    /** What the mock reports in X-Mock-Resolved-Size: the preset name, {@code WxH} after snapping, or null. */
    public static String resolvedSize(ObjectNode body) {
        JsonNode size = body.get("size");
        if (size != null && size.isTextual()) {
            return size.textValue();
        }
        JsonNode w = body.get("width");
        JsonNode h = body.get("height");
        if (w != null && h != null && w.isNumber() && h.isNumber()) {
            return snap(w.intValue()) + "x" + snap(h.intValue());
        }
        return null;
    }
}
