package com.aurouslabs.toolkit.openapi;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The incompatible changes openapi-diff found, one line each, in the same {@code "<where>: <what>"} form as
 * {@link RequestTightening} ({@code body.prompt: maxLength 4000 -> 2000}), so the gate's message can name every
 * breaking change once. openapi-diff's own renderings say only "Broken compatibility" per operation; this walks
 * its change model down to the keyword that broke.
 */
final class IncompatibleChanges {

    private final Set<String> found = new LinkedHashSet<>();

    private IncompatibleChanges() {
    }

    static List<String> of(ChangedOpenApi diff) {
        IncompatibleChanges walk = new IncompatibleChanges();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            walk.found.add(missing.getMethod() + " " + missing.getPathUrl() + ": removed");
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            if (operation.isIncompatible()) {
                walk.operation(operation);
            }
        }
        return List.copyOf(walk.found);
    }

    private void operation(ChangedOperation operation) {
        String where = operation.getHttpMethod() + " " + operation.getPathUrl();
        int before = found.size();
        ChangedParameters parameters = operation.getParameters();
        if (parameters != null && parameters.isIncompatible()) {
            for (Parameter missing : parameters.getMissing()) {
                found.add(missing.getIn() + " parameter " + missing.getName() + ": removed");
            }
            for (ChangedParameter changed : parameters.getChanged()) {
                if (changed.isIncompatible()) {
                    String name = changed.getIn() + " parameter " + changed.getName();
                    if (changed.isChangeRequired()) {
                        found.add(name + ": became required");
                    }
                    schema(name, changed.getSchema());
                }
            }
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().isIncompatible()) {
            if (operation.getRequestBody().isChangeRequired()) {
                found.add("body: became required");
            }
            content("body", operation.getRequestBody().getContent());
        }
        ChangedApiResponse responses = operation.getApiResponses();
        if (responses != null && responses.isIncompatible()) {
            responses.getMissing().keySet().forEach(status -> found.add("response " + status + ": removed"));
            for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
                if (e.getValue().isIncompatible()) {
                    response("response " + e.getKey(), e.getValue());
                }
            }
        }
        if (found.size() == before) {
            found.add(where + ": incompatible (see the report)");
        }
    }

    private void response(String where, ChangedResponse response) {
        ChangedHeaders headers = response.getHeaders();
        if (headers != null && headers.isIncompatible()) {
            headers.getMissing().keySet().forEach(h -> found.add(where + " header " + h + ": removed"));
            for (Map.Entry<String, ChangedHeader> e : headers.getChanged().entrySet()) {
                if (e.getValue().isIncompatible()) {
                    schema(where + " header " + e.getKey(), e.getValue().getSchema());
                }
            }
        }
        content(where + " body", response.getContent());
    }

    private void content(String where, ChangedContent content) {
        if (content == null || !content.isIncompatible()) {
            return;
        }
        content.getMissing().keySet().forEach(type -> found.add(where + " " + type + ": removed"));
        for (Map.Entry<String, ChangedMediaType> e : content.getChanged().entrySet()) {
            schema(where, e.getValue().getSchema());
        }
    }

    private void schema(String where, ChangedSchema schema) {
        if (schema == null || !schema.isIncompatible()) {
            return;
        }
        int before = found.size();
        boolean request = schema.getContext() != null && schema.getContext().isRequest();
        if (schema.isChangedType()) {
            found.add(where + ": type " + typeOf(schema.getOldSchema()) + " -> " + typeOf(schema.getNewSchema()));
        }
        if (schema.getMaxLength() != null && schema.getMaxLength().isIncompatible()) {
            found.add(where + ": maxLength " + schema.getMaxLength().getOldValue() + " -> "
                    + schema.getMaxLength().getNewValue());
        }
        if (schema.getEnumeration() != null && schema.getEnumeration().isIncompatible()) {
            List<?> values = request ? schema.getEnumeration().getMissing() : schema.getEnumeration().getIncreased();
            values.forEach(v -> found.add(where + ": enum value \"" + v + "\" " + (request ? "removed" : "added")));
        }
        if (schema.getRequired() != null && schema.getRequired().isIncompatible()) {
            if (request) {
                schema.getRequired().getIncreased().forEach(r -> found.add(where + ": " + r + " became required"));
            } else {
                schema.getRequired().getMissing().forEach(r -> found.add(where + ": " + r + " no longer required"));
            }
        }
        if (schema.getReadOnly() != null && schema.getReadOnly().isIncompatible()) {
            found.add(where + ": readOnly changed");
        }
        if (schema.getWriteOnly() != null && schema.getWriteOnly().isIncompatible()) {
            found.add(where + ": writeOnly changed");
        }
        if (!request) {
            schema.getMissingProperties().keySet().forEach(p -> found.add(where + "." + p + ": removed"));
        }
        schema.getChangedProperties().forEach((name, changed) -> schema(where + "." + name, changed));
        schema(where + "[]", schema.getItems());
        schema(where + ".additionalProperties", schema.getAddProp());
        if (schema.getOneOfSchema() != null && schema.getOneOfSchema().isIncompatible()) {
            schema.getOneOfSchema().getMissing().keySet().forEach(k -> found.add(where + ": oneOf " + k + " removed"));
            schema.getOneOfSchema().getChanged().forEach((k, changed) -> schema(where + "<" + k + ">", changed));
        }
        if (found.size() == before) {
            found.add(where + ": incompatible (see the report)");
        }
    }

    private static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "(none)";
        }
        List<String> parts = new ArrayList<>();
        parts.add(schema.getType() == null ? "any" : schema.getType());
        if (schema.getFormat() != null) {
            parts.add("(" + schema.getFormat() + ")");
        }
        return String.join(" ", parts);
    }
}
