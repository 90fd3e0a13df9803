package com.aurouslabs.toolkit.mock.http;

import io.vertx.core.MultiMap;

/** CORS for browser clients: the configured origin ({@code *} by default) on every answer, and preflights. */
public final class CorsPolicy {

    private static final String EXPOSED = String.join(", ", MockHeaders.REQUEST_ID, MockHeaders.VERSION,
            MockHeaders.RATE_LIMIT, MockHeaders.RATE_REMAINING, MockHeaders.RATE_RESET, MockHeaders.RETRY_AFTER,
            MockHeaders.MOCK_RULE, MockHeaders.MOCK_RESOLVED_SIZE, MockHeaders.MOCK_WARNINGS);
    private static final String ALLOWED_HEADERS = String.join(", ", "Content-Type", MockHeaders.API_KEY,
            MockHeaders.AUTHORIZATION, MockHeaders.VERSION, MockHeaders.MOCK_FORCE, "Idempotency-Key");
    private static final String ALLOWED_METHODS = "GET, POST, PUT, OPTIONS";

    private final String origin;

    public CorsPolicy(String origin) {
        this.origin = origin;
    }

    public void addTo(MultiMap headers) {
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Expose-Headers", EXPOSED);
        if (!"*".equals(origin)) {
            headers.set("Vary", "Origin");
        }
    }

    public void addPreflightTo(MultiMap headers, String requestedHeaders) {
        addTo(headers);
        headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.set("Access-Control-Allow-Headers",
                requestedHeaders != null && !requestedHeaders.isBlank() ? requestedHeaders : ALLOWED_HEADERS);
        headers.set("Access-Control-Max-Age", "600");
    }
}
