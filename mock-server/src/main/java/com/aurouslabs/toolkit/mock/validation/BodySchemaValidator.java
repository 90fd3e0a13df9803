package com.aurouslabs.toolkit.mock.validation;

import com.aurouslabs.toolkit.openapi.RuleCatalog.SchemaFindingOrder;
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
 * once per reading with networknt json-schema-validator (OpenAPI 3.0 dialect, lossless narrowing so 1024.0 is an
 * integer) and applied to the parsed tree of each request. The body schema is the spec's with the reading's
 * changes on top (rules.yaml {@code alternative.schema}, a defect's limit). Findings come back named by rule, with
 * the constraint they break in words (read from the schema), ordered by the properties of the schema (or the
 * reverse, as the reading says), so the first one is deterministic.
 */
public final class BodySchemaValidator {

    private static final int REQUIRED_FIRST = 0;
    private static final int TYPE_SECOND = 1;
    private static final int OTHER_KEYWORDS = 2;

    private final JsonNode schemaTree;
    private final JsonSchema bodySchema;
    private final JsonSchema versionHeaderSchema;
    private final Map<String, Integer> propertyOrder = new HashMap<>();
    private final Map<String, Boolean> integerProperties = new HashMap<>();
    private final boolean reversed;

    /** The spec's schemas as they are, findings in property order. */
    public BodySchemaValidator(SpecDocument spec) {
        this(spec, Map.of(), SchemaFindingOrder.PROPERTY_ORDER);
    }

    /**
     * The spec's schemas with {@code changes} applied to the body schema (JSON pointer inside the schema to the new
     * value of a keyword; null or JSON null removes it; a pointer whose parent the schema lacks is skipped).
     */
    public BodySchemaValidator(SpecDocument spec, Map<String, JsonNode> changes, SchemaFindingOrder order) {
        this.schemaTree = SchemaChanges.apply(spec.requestBodySchema(), changes);
        this.reversed = order == SchemaFindingOrder.REVERSE_PROPERTY_ORDER;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .losslessNarrowing(true)
                .pathType(PathType.JSON_POINTER)
                .nullableKeywordEnabled(true)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
        this.bodySchema = factory.getSchema(schemaTree, config);
        this.versionHeaderSchema = factory.getSchema(spec.versionHeaderSchema(), config);
        this.bodySchema.initializeValidators();
        this.versionHeaderSchema.initializeValidators();
        JsonNode properties = schemaTree.path("properties");
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            propertyOrder.put(e.getKey(), i++);
            integerProperties.put(e.getKey(), "integer".equals(e.getValue().path("type").asText()));
        }
    }

    /** The body schema in effect (the spec's with this reading's changes). */
    public JsonNode schema() {
        return schemaTree;
    }

    /** True when the Aurous-Version header value passes the header schema of the spec. */
    public boolean versionHeaderMatches(JsonNode value) {
        return versionHeaderSchema.validate(value).isEmpty();
    }

    /** Every finding on {@code body}, the first to answer first; empty when the body is valid. */
    public List<SchemaViolation> validate(ObjectNode body) {
        Set<ValidationMessage> messages = bodySchema.validate(body);
        List<Ranked> nullItems = nullItems(body);
        if (messages.isEmpty() && nullItems.isEmpty()) {
            return List.of();
        }
        List<Ranked> ranked = new ArrayList<>(messages.size() + nullItems.size());
        for (ValidationMessage m : messages) {
            ranked.add(rank(m));
        }
        ranked.addAll(nullItems);
        Comparator<Ranked> byProperty = Comparator.comparingInt(Ranked::propertyIndex);
        ranked.sort((reversed ? byProperty.reversed() : byProperty)
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

    /**
     * A null entry of an array whose item schema is not nullable: a wrong type. The validator lets it pass when the
     * array itself is nullable (OpenAPI 3.0 {@code nullable} reaches into {@code items} there), so it is read here
     * from the same schema.
     */
    private List<Ranked> nullItems(ObjectNode body) {
        List<Ranked> out = List.of();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode items = schemaTree.path("properties").path(e.getKey()).path("items");
            if (!e.getValue().isArray() || !items.isObject() || items.path("nullable").asBoolean(false)) {
                continue;
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                if (e.getValue().get(i).isNull()) {
                    if (out.isEmpty()) {
                        out = new ArrayList<>();
                    }
                    String field = e.getKey();
                    out.add(new Ranked(propertyOrder.getOrDefault(field, propertyOrder.size()), field, TYPE_SECOND, i,
                            new SchemaViolation("type", field, i, SchemaRuleIds.codeFor("type"),
                                    SchemaRuleIds.ruleIdFor("type", field, true, false),
                                    SchemaPhrases.constraint(items, "type"), SchemaPhrases.expected(items))));
                }
            }
        }
        return out;
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
        boolean integerExpected = itemIndex < 0 && integerProperties.getOrDefault(field, false);
        JsonNode property = schemaTree.path("properties").path(field);
        JsonNode subject = itemIndex >= 0 ? property.path("items") : property;
        String ruleId = SchemaRuleIds.ruleIdFor(keyword, field, itemIndex >= 0, integerExpected);
        int keywordRank = "required".equals(keyword) ? REQUIRED_FIRST
                : "type".equals(keyword) ? TYPE_SECOND : OTHER_KEYWORDS;
        int propertyIndex = propertyOrder.getOrDefault(field, propertyOrder.size());
        return new Ranked(propertyIndex, field, keywordRank, itemIndex,
                new SchemaViolation(keyword, field, itemIndex, SchemaRuleIds.codeFor(keyword), ruleId,
                        SchemaPhrases.constraint(subject, keyword), SchemaPhrases.expected(subject)));
    }
}
