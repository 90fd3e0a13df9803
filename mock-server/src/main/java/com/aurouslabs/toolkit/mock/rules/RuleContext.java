package com.aurouslabs.toolkit.mock.rules;

import com.aurouslabs.toolkit.mock.Defect;
import com.aurouslabs.toolkit.mock.fixtures.FixtureIndex;
import com.aurouslabs.toolkit.mock.fixtures.TeamFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a documented-rule check sees: the body after schema validation (explicit nulls already removed), the
 * caller's team, the fixtures and the injected defect.
 */
public record RuleContext(ObjectNode body, TeamFixture team, FixtureIndex fixtures, Defect defect) {

    public boolean has(String field) {
        JsonNode node = body.get(field);
        return node != null && !node.isNull();
    }

    /** Text of a field, or null when absent or not a string. */
    public String text(String field) {
        JsonNode node = body.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The reference entries that are strings, in order; empty when none (REF-EMPTY-IS-NONE). */
    public List<String> references() {
        JsonNode refs = body.get("reference_image_urls");
        if (refs == null || !refs.isArray() || refs.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(refs.size());
        refs.forEach(r -> out.add(r.isTextual() ? r.textValue() : ""));
        return out;
    }

    public boolean hasReferences() {
        JsonNode refs = body.get("reference_image_urls");
        return refs != null && refs.isArray() && !refs.isEmpty();
    }

    public String teamId() {
        return team == null ? null : team.id();
    }

    public boolean defectIs(Defect d) {
        return defect == d;
    }
}
