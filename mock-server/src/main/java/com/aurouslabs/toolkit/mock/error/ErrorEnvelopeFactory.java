package com.aurouslabs.toolkit.mock.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one place where error bodies are built (ENVELOPE-SHAPE):
 * {@code {"error":{type,code,message,param,doc_url,request_id}}}, {@code doc_url} the catalog's
 * {@code doc_url_base} followed by the code. Whether {@code param} is present with null when no parameter is at
 * fault, or left out, is the ENVELOPE-SHAPE choice of the reading.
 */
public final class ErrorEnvelopeFactory {

    private final String docUrlBase;
    private final boolean omitNullParam;

    public ErrorEnvelopeFactory(String docUrlBase, boolean omitNullParam) {
        this.docUrlBase = docUrlBase;
        this.omitNullParam = omitNullParam;
    }

    public String docUrlBase() {
        return docUrlBase;
    }

    public JsonNode envelope(ApiError error, String requestId) {
        ObjectNode inner = JsonNodeFactory.instance.objectNode();
        inner.put("type", error.type());
        inner.put("code", error.code());
        inner.put("message", error.message());
        if (error.param() != null) {
            inner.put("param", error.param());
        } else if (!omitNullParam) {
            inner.putNull("param");
        }
        inner.put("doc_url", docUrlBase + error.code());
        inner.put("request_id", requestId);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("error", inner);
        return root;
    }
}
