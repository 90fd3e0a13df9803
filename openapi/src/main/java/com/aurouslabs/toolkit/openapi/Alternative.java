package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The second, documented-compatible reading of a rule ({@code alternative:} in rules.yaml): what an implementation
 * that read the vendor's pages differently, where they are silent, would answer. The mock serves it under
 * {@code --profile alternative}; a conformance suite must pass it (warnings at most).
 *
 * @param text    what differs, in words (may be null when the outcome patch says it all)
 * @param outcome parts of the outcome that differ ({@code code}, {@code param}, ...; a null value sets the part to
 *                null); a documented part never differs
 * @param choices named choices of the rule's condition that differ (keys of {@link Rule#choices()})
 * @param schema  changes to the request-body schema of estimate.yaml under this reading: a JSON pointer inside the
 *                schema ({@code /properties/seed/maximum}) to its new value; null removes the keyword
 * @param none    instead of the above: why no reading other than the decision is compatible with what the
 *                profile holds fixed (documented facts, pricing, auth); null otherwise
 */
public record Alternative(
        String text, Map<String, JsonNode> outcome, Map<String, String> choices, Map<String, JsonNode> schema,
        String none) {

    /** Outcome parts an alternative may name. */
    public static final Set<String> PARTS = Set.of("status", "type", "code", "param", "header", "message");

    public Alternative {
        outcome = copy(outcome);
        choices = choices == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        schema = copy(schema);
    }

    private static Map<String, JsonNode> copy(Map<String, JsonNode> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** True when this entry only explains why the rule has no other reading. */
    public boolean isNone() {
        return none != null && !none.isBlank();
    }

    /** True when this reading changes the rule's condition (a choice or the request schema), not only its answer. */
    public boolean changesCondition() {
        return !choices.isEmpty() || !schema.isEmpty();
    }

    /** Whether this reading names the outcome part ({@code "param"}, ...), possibly setting it to null. */
    public boolean setsPart(String part) {
        return outcome.containsKey(part);
    }

    public Optional<String> textIfAny() {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }

    /** {@code base} with this alternative's outcome parts applied. */
    public Outcome applyTo(Outcome base) {
        if (outcome.isEmpty()) {
            return base;
        }
        return new Outcome(
                outcome.containsKey("status") ? intOrNull(outcome.get("status")) : base.status(),
                part("type", base.type()), part("code", base.code()), part("param", base.param()),
                part("header", base.header()), part("message", base.message()), base.documented());
    }

    /** The outcome parts this alternative changes, in {@code status, type, code, param, header, message} order. */
    public List<String> changedParts() {
        return List.of("status", "type", "code", "param", "header", "message").stream()
                .filter(outcome::containsKey).toList();
    }

    private String part(String name, String fallback) {
        if (!outcome.containsKey(name)) {
            return fallback;
        }
        JsonNode v = outcome.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer intOrNull(JsonNode v) {
        return v == null || v.isNull() ? null : v.asInt();
    }
}
