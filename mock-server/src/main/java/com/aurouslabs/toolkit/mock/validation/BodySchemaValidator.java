package com.aurouslabs.toolkit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec-driven layer: the request-body schema and the Aurous-Version header schema of the spec, compiled
 * once with networknt json-schema-validator (OpenAPI 3.0 dialect, lossless narrowing so 1024.0 is an integer)
 * and applied to the parsed tree of each request. Findings come back mapped to the envelope and sorted by the
 * order of the properties in the schema, so the first one is deterministic.
 */
public final class BodySchemaValidator {

    private static final int REQUIRED_FIRST = 0;
    private static final int TYPE_SECOND = 1;
    private static final int OTHER_KEYWORDS = 2;

    private final JsonSchema bodySchema;
    private final JsonSchema versionHeaderSchema;
    private final Map<String, Integer> propertyOrder = new HashMap<>();
    private final Map<String, Boolean> integerProperties = new HashMap<>();

    public BodySchemaValidator(SpecDocument spec) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .losslessNarrowing(true)
                .pathType(PathType.JSON_POINTER)
                .nullableKeywordEnabled(true)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
        this.bodySchema = factory.getSchema(spec.requestBodySchema(), config);
        this.versionHeaderSchema = factory.getSchema(spec.versionHeaderSchema(), config);
        this.bodySchema.initializeValidators();
        this.versionHeaderSchema.initializeValidators();
        JsonNode properties = spec.requestBodySchema().path("properties");
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            propertyOrder.put(e.getKey(), i++);
            integerProperties.put(e.getKey(), "integer".equals(e.getValue().path("type").asText()));
        }
    }

    /** True when the Aurous-Version header value passes the header schema of the spec. */
    public boolean versionHeaderMatches(JsonNode value) {
        return versionHeaderSchema.validate(value).isEmpty();
    }

    /** Every finding on {@code body}, first in schema property order first; empty when the body is valid. */
    public List<SchemaViolation> validate(ObjectNode body) {
        Set<ValidationMessage> messages = bodySchema.validate(body);
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Ranked> ranked = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            ranked.add(rank(m));
        }
        ranked.sort(Comparator.comparingInt(Ranked::propertyIndex)
                .thenComparing(Ranked::field)
                .thenComparingInt(Ranked::keywordRank)
                .thenComparingInt(Ranked::itemIndex));
        List<SchemaViolation> out = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            out.add(r.violation());
        }
        return out;
    }

    private record Ranked(int propertyIndex, String field, int keywordRank, int itemIndex, SchemaViolation violation) {
    }

    private Ranked rank(ValidationMessage m) {
        String keyword = m.getType();
        JsonNodePath location = m.getInstanceLocation();
        String field;
        int itemIndex = -1;
        if (location.getNameCount() == 0) {
            // required / additionalProperties are reported on the object; the property is named separately.
            field = m.getProperty() != null ? m.getProperty() : "";
        } else {
            field = String.valueOf(location.getElement(0));
            if (location.getNameCount() > 1 && location.getElement(1) instanceof Integer idx) {
                itemIndex = idx;
            }
        }
        String param = field.isEmpty() ? null : (itemIndex >= 0 ? field + "[" + itemIndex + "]" : field);
        boolean integerExpected = itemIndex < 0 && integerProperties.getOrDefault(field, false);
        String code = SchemaRuleIds.codeFor(keyword);
        String ruleId = SchemaRuleIds.ruleIdFor(keyword, field, itemIndex >= 0, integerExpected);
        String message = messageFor(keyword, param, m);
        int keywordRank = "required".equals(keyword) ? REQUIRED_FIRST
                : "type".equals(keyword) ? TYPE_SECOND : OTHER_KEYWORDS;
        int propertyIndex = propertyOrder.getOrDefault(field, propertyOrder.size());
        return new Ranked(propertyIndex, field, keywordRank, itemIndex,
                new SchemaViolation(keyword, field, param, code, ruleId, message));
    }

    private static String messageFor(String keyword, String param, ValidationMessage m) {
        if ("additionalProperties".equals(keyword)) {
            return "Unknown parameter " + param + ".";
        }
        if ("required".equals(keyword)) {
            return param + " is required.";
        }
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        if (colon >= 0 && (text.startsWith("/") || text.startsWith("$"))) {
            text = text.substring(colon + 2);
        }
        String subject = param == null ? "body" : param;
        return "type".equals(keyword) ? subject + " has the wrong type: " + text + "." : subject + " " + text + ".";
    }
}
