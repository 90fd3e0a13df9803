package com.aurouslabs.toolkit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema keyword asks of a value, in words, read from the schema itself ({@code "1 to 4000 characters
 * long"}, {@code "between 1024 and 4096"}): the {@code {constraint}} and {@code {expected}} of the message templates
 * of rules.yaml. No bound is written here, and no regular expression is ever shown.
 */
final class SchemaPhrases {

    private SchemaPhrases() {
    }

    static String constraint(JsonNode schema, String keyword) {
        switch (keyword) {
            case "minLength":
            case "maxLength":
                return span(schema.get("minLength"), schema.get("maxLength"), "character", "characters") + " long";
            case "minItems":
            case "maxItems":
                return "a list of " + span(schema.get("minItems"), schema.get("maxItems"), "entry", "entries");
            case "minimum":
            case "maximum":
            case "exclusiveMinimum":
            case "exclusiveMaximum":
                return range(schema);
            case "enum":
                // A nullable enum may list null (OpenAPI 3.0.3 asks it to): null is "left out", never a value to
                // suggest (BODY-NULL-AS-ABSENT decides what a null does).
                List<String> values = new ArrayList<>();
                schema.path("enum").forEach(v -> {
                    if (!v.isNull()) {
                        values.add(v.asText());
                    }
                });
                return "one of " + String.join(", ", values);
            case "format":
                return expected(schema) + " in the " + schema.path("format").asText() + " range";
            case "multipleOf":
                return "a multiple of " + schema.path("multipleOf").asText();
            case "type":
                return expected(schema);
            default:
                return "in the documented form";
        }
    }

    /** {@code a string}, {@code a whole number}, ... from the schema's type. */
    static String expected(JsonNode schema) {
        switch (schema.path("type").asText()) {
            case "string":
                return "a string";
            case "integer":
                return "a whole number";
            case "number":
                return "a number";
            case "boolean":
                return "true or false";
            case "array":
                String items = expected(schema.path("items"));
                return items.equals("a valid value") ? "an array" : "an array of " + plural(items);
            case "object":
                return "an object";
            default:
                return "a valid value";
        }
    }

    private static String plural(String singular) {
        String noun = singular.replaceFirst("^an? ", "");
        return noun.equals("true or false") ? "booleans" : noun + "s";
    }

    private static String span(JsonNode min, JsonNode max, String one, String many) {
        if (min != null && max != null) {
            return min.asText() + " to " + max.asText() + " " + (max.asLong() == 1 ? one : many);
        }
        if (max != null) {
            return "at most " + max.asText() + " " + (max.asLong() == 1 ? one : many);
        }
        if (min != null) {
            return "at least " + min.asText() + " " + (min.asLong() == 1 ? one : many);
        }
        return "of any length";
    }

    private static String range(JsonNode schema) {
        JsonNode min = schema.get("minimum");
        JsonNode max = schema.get("maximum");
        boolean exclusiveMin = schema.path("exclusiveMinimum").asBoolean(false);
        boolean exclusiveMax = schema.path("exclusiveMaximum").asBoolean(false);
        if (min != null && max != null && !exclusiveMin && !exclusiveMax) {
            return "between " + number(min) + " and " + number(max);
        }
        List<String> parts = new ArrayList<>();
        if (min != null) {
            parts.add((exclusiveMin ? "greater than " : "at least ") + number(min));
        }
        if (max != null) {
            parts.add((exclusiveMax ? "less than " : "at most ") + number(max));
        }
        return parts.isEmpty() ? "in range" : String.join(" and ", parts);
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText();
    }
}
