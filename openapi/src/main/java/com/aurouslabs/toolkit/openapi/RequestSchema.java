package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The request-body schema of {@code POST /v1/images/estimate} ({@code application/json}) as data: its properties in
 * document order, the required ones, and whether it admits properties it does not define.
 *
 * @param properties                  every property, in document order
 * @param required                    the {@code required} list, in document order
 * @param additionalPropertiesAllowed false when the schema says {@code additionalProperties: false}
 * @param schema                      the whole schema, local {@code $ref}s inlined (each call returns a copy)
 */
public record RequestSchema(List<SchemaProperty> properties, List<String> required,
                            boolean additionalPropertiesAllowed, JsonNode schema) {

    public RequestSchema {
        properties = List.copyOf(properties);
        required = List.copyOf(required);
        schema = schema.deepCopy();
    }

    /** The whole schema, local {@code $ref}s inlined: a copy, so changing it changes nothing here. */
    @Override
    public JsonNode schema() {
        return schema.deepCopy();
    }

    /** Property names, in document order. */
    public List<String> fields() {
        return properties.stream().map(SchemaProperty::name).toList();
    }

    /** Property names not in {@link #required()}, in document order. */
    public List<String> optionalFields() {
        return fields().stream().filter(f -> !required.contains(f)).toList();
    }

    public boolean has(String field) {
        return find(field).isPresent();
    }

    public Optional<SchemaProperty> find(String field) {
        return properties.stream().filter(p -> p.name().equals(field)).findFirst();
    }

    /** The property; {@link NoSuchElementException} naming the field when the schema has none of that name. */
    public SchemaProperty property(String field) {
        return find(field).orElseThrow(() -> new NoSuchElementException("the request schema has no property "
                + field));
    }

    /**
     * The properties whose description cites {@code ruleId}, in document order ({@code DIM-RANGE} gives width and
     * height).
     */
    public List<String> fieldsCiting(String ruleId) {
        return properties.stream().filter(p -> p.citedRules().contains(ruleId)).map(SchemaProperty::name).toList();
    }
}
