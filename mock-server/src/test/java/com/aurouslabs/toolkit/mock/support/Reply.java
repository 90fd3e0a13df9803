package com.aurouslabs.toolkit.mock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;

/** One HTTP answer as the tests see it. */
public record Reply(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public JsonNode error() {
        return json().path("error");
    }

    public String code() {
        return error().path("code").asText(null);
    }

    public String param() {
        JsonNode p = error().path("param");
        return p.isNull() || p.isMissingNode() ? null : p.asText();
    }

    /** The body with its request_id blanked, for byte-for-byte comparisons. */
    public String bodyWithoutRequestId() {
        return body.replaceAll("req_[0-9A-Za-z]+", "req_X");
    }
}
