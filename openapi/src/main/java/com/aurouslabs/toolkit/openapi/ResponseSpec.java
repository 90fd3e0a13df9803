package com.aurouslabs.toolkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One documented response of {@code POST /v1/images/estimate}, local {@code $ref}s inlined.
 *
 * @param status      the HTTP status
 * @param description the response's description
 * @param headers     header name (as the document writes it) to header, in document order
 * @param bodySchema  the {@code application/json} body schema, or null (each call returns a copy)
 */
public record ResponseSpec(int status, String description, Map<String, Header> headers, JsonNode bodySchema) {

    public ResponseSpec {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        bodySchema = bodySchema == null ? null : bodySchema.deepCopy();
    }

    /** The body schema (a copy), or null when the response has no JSON body. */
    @Override
    public JsonNode bodySchema() {
        return bodySchema == null ? null : bodySchema.deepCopy();
    }

    /** Names of the headers the document marks {@code required: true}, in document order. */
    public List<String> requiredHeaders() {
        return headers.values().stream().filter(Header::required).map(Header::name).toList();
    }

    /**
     * One response header.
     *
     * @param name        as the document writes it ({@code Aurous-Request-Id})
     * @param required    {@code required: true}
     * @param description the header's description
     * @param citedRules  rule IDs its description cites in parentheses ({@code (RATE-LIMIT-HEADERS)})
     * @param schema      its schema as data
     */
    public record Header(String name, boolean required, String description, List<String> citedRules,
                         SchemaProperty schema) {

        public Header {
            citedRules = List.copyOf(citedRules);
        }
    }
}
