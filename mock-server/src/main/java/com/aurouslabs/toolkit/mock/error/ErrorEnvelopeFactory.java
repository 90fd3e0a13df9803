package com.aurouslabs.toolkit.mock.error;

import com.aurouslabs.toolkit.openapi.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one place where error bodies are built (ENVELOPE-SHAPE):
 * {@code {"error":{type,code,message,param,doc_url,request_id}}}, {@code param} always present (null when no
 * parameter is at fault), {@code doc_url} the catalog's {@code doc_url_base} ({@link RuleCatalog}) followed by
 * the code.
 */
public final class ErrorEnvelopeFactory {

    private ErrorEnvelopeFactory() {
    }

    /** {@code doc_url_base} of rules.yaml, read once from the catalog in the openapi jar. */
    public static String docUrlBase() {
        return Catalog.DOC_URL_BASE;
    }

    /** Loaded on first use (MockServer.start warms it on its loader thread). */
    private static final class Catalog {
        static final String DOC_URL_BASE = RuleCatalog.load().docUrlBase();
    }

    public static JsonNode envelope(ApiError error, String requestId) {
        ObjectNode inner = JsonNodeFactory.instance.objectNode();
        inner.put("type", error.type());
        inner.put("code", error.code());
        inner.put("message", error.message());
        if (error.param() == null) {
            inner.putNull("param");
        } else {
            inner.put("param", error.param());
        }
        inner.put("doc_url", Catalog.DOC_URL_BASE + error.code());
        inner.put("request_id", requestId);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("error", inner);
        return root;
    }
}
