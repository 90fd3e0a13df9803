package com.aurouslabs.toolkit.mock.validation;

import java.util.Map;
import java.util.Set;

/**
 * Maps a schema finding (keyword, field) to the error code and the rule ID of rules.yaml. This only names what
 * the schema decided; no bound or pattern is repeated here.
 */
final class SchemaRuleIds {

    private static final Set<String> RANGE_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "multipleOf");

    /** Rule of a range/format finding on a field (rules.yaml families prompt, dimensions, numeric). */
    private static final Map<String, String> FIELD_RULES = Map.ofEntries(
            Map.entry("prompt", "PROMPT-LENGTH"),
            Map.entry("negative_prompt", "NEG-PROMPT-LENGTH"),
            Map.entry("width", "DIM-RANGE"),
            Map.entry("height", "DIM-RANGE"),
            Map.entry("steps", "STEPS-RANGE"),
            Map.entry("guidance_scale", "GUIDANCE-RANGE"),
            Map.entry("cfg_rescale", "CFG-RESCALE-RANGE"),
            Map.entry("denoise_strength", "DENOISE-RANGE"),
            Map.entry("count", "COUNT-RANGE"),
            Map.entry("seed", "SEED-RANGE"),
            Map.entry("size", "SIZE-ENUM"),
            Map.entry("reference_image_urls", "REF-MAX-ITEMS"));

    private SchemaRuleIds() {
    }

    static String codeFor(String keyword) {
        if ("required".equals(keyword)) {
            return "missing_field";
        }
        return RANGE_KEYWORDS.contains(keyword) ? "value_out_of_range" : "invalid_format";
    }

    static String ruleIdFor(String keyword, String field, boolean arrayItem, boolean integerExpected) {
        switch (keyword) {
            case "required":
                return "prompt".equals(field) ? "PROMPT-REQUIRED" : "BODY-REQUIRED";
            case "additionalProperties":
                return "BODY-UNKNOWN-FIELD";
            case "type":
                return integerExpected ? "BODY-INTEGER" : "BODY-TYPE";
            default:
                break;
        }
        if (arrayItem && "reference_image_urls".equals(field)) {
            return RANGE_KEYWORDS.contains(keyword) ? "REF-URL-MAX-LENGTH" : "REF-ITEM-FORM";
        }
        if ("webhook_url".equals(field)) {
            return RANGE_KEYWORDS.contains(keyword) ? "WEBHOOK-URL-MAX-LENGTH" : "WEBHOOK-URL";
        }
        String rule = FIELD_RULES.get(field);
        return rule != null ? rule : "SCHEMA-" + keyword.toUpperCase(java.util.Locale.ROOT);
    }
}
