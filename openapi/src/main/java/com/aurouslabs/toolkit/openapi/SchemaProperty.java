package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema of estimate.yaml as data: a property of the request body, an array's items, or a header's schema.
 * The keywords the mock and the conformance suite read are fields; {@link #schema()} gives the whole schema (local
 * {@code $ref}s inlined) for anything else. Bounds are as written (OpenAPI 3.0 {@code minimum}/{@code maximum} are
 * inclusive unless the schema says {@code exclusiveMinimum}/{@code exclusiveMaximum}); a keyword the schema does
 * not have is null (a list: empty).
 *
 * @param name        the property name ({@code width}), {@code <name>[]} for an array's items, or the header name
 * @param type        {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}, {@code object}
 * @param format      {@code int32}, {@code int64}, {@code double}, ...
 * @param nullable    OpenAPI 3.0 {@code nullable: true}
 * @param minimum     {@code minimum}, exact (decimals are read as {@link BigDecimal})
 * @param maximum     {@code maximum}, exact
 * @param minLength   {@code minLength}
 * @param maxLength   {@code maxLength}
 * @param minItems    {@code minItems}
 * @param maxItems    {@code maxItems}
 * @param pattern     {@code pattern}, as written (the document writes patterns that mean the same in ECMA 262 and
 *                    {@link java.util.regex.Pattern})
 * @param enumValues  the {@code enum} values as text, in document order, without {@code null}
 * @param description the description (of the schema a {@code $ref} points to when the property has none of its own)
 * @param citedRules  rule IDs cited in parentheses in the description, {@code (DIM-RANGE, DIM-SNAP-32)}, in order
 *                    of appearance; for a {@code $ref} property the description beside the {@code $ref} first
 * @param items       an array's item schema, else null
 * @param schema      the whole schema, local {@code $ref}s inlined (each call returns a copy)
 */
public record SchemaProperty(
        String name, String type, String format, boolean nullable,
        BigDecimal minimum, BigDecimal maximum, Integer minLength, Integer maxLength, Integer minItems,
        Integer maxItems, String pattern, List<String> enumValues, String description, List<String> citedRules,
        SchemaProperty items, JsonNode schema) {

    private static final Pattern CITATION = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern RULE_ID = Pattern.compile("\\b[A-Z]+(?:-[A-Z0-9]+)+\\b");

    public SchemaProperty {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        citedRules = citedRules == null ? List.of() : List.copyOf(citedRules);
        schema = schema == null ? null : schema.deepCopy();
    }

    /** The whole schema, local {@code $ref}s inlined: a copy, so changing it changes nothing here. */
    @Override
    public JsonNode schema() {
        return schema == null ? null : schema.deepCopy();
    }

    /** The schema's {@code example}, if it gives one (a copy). */
    public Optional<JsonNode> example() {
        JsonNode e = schema == null ? null : schema.get("example");
        return e == null || e.isNull() ? Optional.empty() : Optional.of(e.deepCopy());
    }

    /** True when the schema sets {@code minimum} or {@code maximum}. */
    public boolean bounded() {
        return minimum != null || maximum != null;
    }

    public Optional<String> patternIfAny() {
        return Optional.ofNullable(pattern);
    }

    /**
     * Reads a schema.
     *
     * @param written  the schema as written (may be a {@code $ref} with a sibling description)
     * @param resolved the same schema with local {@code $ref}s inlined
     */
    static SchemaProperty of(String name, JsonNode written, JsonNode resolved) {
        Set<String> cited = new LinkedHashSet<>();
        String own = written == null ? "" : written.path("description").asText("");
        String target = resolved.path("description").asText("");
        cite(own, cited);
        cite(target, cited);
        List<String> values = new ArrayList<>();
        resolved.path("enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        JsonNode items = resolved.get("items");
        return new SchemaProperty(name, text(resolved, "type"), text(resolved, "format"),
                resolved.path("nullable").asBoolean(false), decimal(resolved, "minimum"), decimal(resolved, "maximum"),
                integer(resolved, "minLength"), integer(resolved, "maxLength"), integer(resolved, "minItems"),
                integer(resolved, "maxItems"), text(resolved, "pattern"), values,
                own.isEmpty() ? (target.isEmpty() ? null : target) : own, List.copyOf(cited),
                items != null && items.isObject() ? of(name + "[]", items, items) : null, resolved);
    }

    /** Rule IDs cited in parentheses in {@code text}, in order of appearance. */
    static List<String> citations(String text) {
        Set<String> out = new LinkedHashSet<>();
        cite(text, out);
        return List.copyOf(out);
    }

    private static void cite(String text, Set<String> out) {
        Matcher group = CITATION.matcher(text);
        while (group.find()) {
            Matcher id = RULE_ID.matcher(group.group(1));
            while (id.find()) {
                out.add(id.group());
            }
        }
    }

    private static String text(JsonNode schema, String keyword) {
        JsonNode v = schema.get(keyword);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode schema, String keyword) {
        JsonNode v = schema.get(keyword);
        return v == null || !v.isNumber() ? null : v.decimalValue();
    }

    private static Integer integer(JsonNode schema, String keyword) {
        JsonNode v = schema.get(keyword);
        return v == null || !v.canConvertToInt() ? null : v.intValue();
    }
}
