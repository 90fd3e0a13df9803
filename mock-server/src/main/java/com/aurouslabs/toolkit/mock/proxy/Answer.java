package com.aurouslabs.toolkit.mock.proxy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.vertx.core.MultiMap;

/**
 * The upstream's answer as the judges read it: status, headers, the body parsed as JSON (exact decimals; null when
 * it is not JSON) and, for an error, the envelope's type, code and param.
 */
record Answer(int status, MultiMap headers, JsonNode json, JsonNode error, String type, String code, String param,
              boolean paramPresent) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** Longest param quoted in a finding. */
    private static final int MAX_QUOTED = 200;

    static Answer of(UpstreamAnswer upstream) {
        JsonNode json = parse(upstream.body());
        JsonNode error = json == null ? MissingNode.getInstance() : json.path("error");
        JsonNode param = error.path("param");
        return new Answer(upstream.status(), upstream.headers(), json, error, text(error.path("type")),
                text(error.path("code")), param.isTextual() ? param.textValue() : null, error.has("param"));
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    boolean success() {
        return status >= 200 && status < 300;
    }

    String header(String name) {
        return headers.get(name);
    }

    /** {@code 400 invalid_request/invalid_format param=width}, or {@code 200}. */
    String describe() {
        if (success() || error.isMissingNode()) {
            return "HTTP " + status + (success() || json != null ? "" : " (no JSON body)");
        }
        return describe(status, type, code, param);
    }

    static String describe(int status, String type, String code, String param) {
        String p = param == null ? "null" : param.length() > MAX_QUOTED ? param.substring(0, MAX_QUOTED) + "..." : param;
        return status + " " + type + "/" + code + " param=" + p;
    }
}
