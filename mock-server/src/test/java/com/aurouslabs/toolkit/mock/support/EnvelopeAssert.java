package com.aurouslabs.toolkit.mock.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks ENVELOPE-SHAPE and REQUEST-ID on an error answer, then status, type, code and param. */
public final class EnvelopeAssert {

    private EnvelopeAssert() {
    }

    /** doc_url_base of the rule catalog (the answer must follow the catalog, not a copy of it). */
    private static final String DOC_URL_BASE = com.aurouslabs.toolkit.openapi.RuleCatalog.load().docUrlBase();

    public static void assertError(Reply reply, int status, String type, String code, String param) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertEnvelopeShape(reply);
        JsonNode error = reply.error();
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(reply.param()).as("param of %s", reply.body()).isEqualTo(param);
    }

    public static void assertInvalid(Reply reply, String code, String param) {
        assertError(reply, 400, "invalid_request", code, param);
    }

    public static void assertEnvelopeShape(Reply reply) {
        JsonNode error = reply.error();
        assertThat(error.isObject()).as("envelope of %s", reply.body()).isTrue();
        assertThat(error.has("param")).as("param always present").isTrue();
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("doc_url").asText())
                .isEqualTo(DOC_URL_BASE + error.path("code").asText());
        assertThat(error.path("request_id").asText()).matches("req_[0-9A-Z]{26}")
                .isEqualTo(reply.header("Aurous-Request-Id"));
        assertCommonHeaders(reply);
    }

    public static void assertCommonHeaders(Reply reply) {
        assertThat(reply.header("Aurous-Request-Id")).matches("req_[0-9A-Z]{26}");
        assertThat(reply.header("Aurous-Version")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(reply.header("X-RateLimit-Limit")).matches("\\d+");
        assertThat(reply.header("X-RateLimit-Remaining")).matches("\\d+");
        assertThat(reply.header("X-RateLimit-Reset")).matches("\\d+");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }
}
