package com.aurouslabs.toolkit.mock.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** CORS for browser clients: the configured origin ({@code *} by default) on every answer, and preflights. */
public final class CorsPolicy {

    private static final String EXPOSED = String.join(", ", MockHeaders.REQUEST_ID, MockHeaders.VERSION,
            MockHeaders.RATE_LIMIT, MockHeaders.RATE_REMAINING, MockHeaders.RATE_RESET, MockHeaders.RETRY_AFTER,
            MockHeaders.MOCK_RULE, MockHeaders.MOCK_RESOLVED_SIZE, MockHeaders.MOCK_WARNINGS);
    private static final String ALLOWED_HEADERS = String.join(", ", "Content-Type", MockHeaders.API_KEY,
            MockHeaders.AUTHORIZATION, MockHeaders.VERSION, MockHeaders.MOCK_FORCE, "Idempotency-Key");
    private static final String ALLOWED_METHODS = "GET, POST, PUT, OPTIONS";

    // Encoded once: these go on every answer.
    private static final CharSequence H_ALLOW_ORIGIN = HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;
    private static final CharSequence H_EXPOSE = HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS;
    private static final CharSequence V_EXPOSE = HttpHeaders.createOptimized(EXPOSED);
    private static final CharSequence H_VARY = HttpHeaders.VARY;
    private static final CharSequence V_ORIGIN = HttpHeaders.createOptimized("Origin");

    private final String origin;
    private final CharSequence originValue;

    public CorsPolicy(String origin) {
        this.origin = origin;
        this.originValue = HttpHeaders.createOptimized(origin);
    }

    public void addTo(MultiMap headers) {
        headers.set(H_ALLOW_ORIGIN, originValue);
        headers.set(H_EXPOSE, V_EXPOSE);
        if (!"*".equals(origin)) {
            headers.set(H_VARY, V_ORIGIN);
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
