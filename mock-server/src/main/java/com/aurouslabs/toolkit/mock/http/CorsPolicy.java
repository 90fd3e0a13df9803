package com.aurouslabs.toolkit.mock.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * CORS for browser clients of the estimate path: the configured origin ({@code *} by default) on every answer,
 * and preflights. Admin routes get none of it (see {@link AdminEndpoints}). A preflight's requested headers are
 * echoed only as header-name tokens, capped; otherwise the fixed list is sent.
 */
public final class CorsPolicy {

    private static final String EXPOSED = String.join(", ", MockHeaders.REQUEST_ID, MockHeaders.VERSION,
            MockHeaders.RATE_LIMIT, MockHeaders.RATE_REMAINING, MockHeaders.RATE_RESET, MockHeaders.RETRY_AFTER,
            MockHeaders.MOCK_RULE, MockHeaders.MOCK_RESOLVED_SIZE, MockHeaders.MOCK_WARNINGS);
    private static final String ALLOWED_HEADERS = String.join(", ", "Content-Type", MockHeaders.API_KEY,
            MockHeaders.AUTHORIZATION, MockHeaders.VERSION, MockHeaders.MOCK_FORCE, "Idempotency-Key");
    private static final String ALLOWED_METHODS = "POST, OPTIONS";
    /** RFC 9110 token: what a header name may be. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final int MAX_ECHOED = 1024;

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
        headers.set("Access-Control-Allow-Headers", allowedHeaders(requestedHeaders));
        headers.set("Access-Control-Max-Age", "600");
    }

    /** The requested header names that are tokens (at most {@value #MAX_ECHOED} characters), else the fixed list. */
    static String allowedHeaders(String requested) {
        if (requested == null) {
            return ALLOWED_HEADERS;
        }
        StringBuilder out = new StringBuilder();
        for (String name : requested.split(",", 64)) {
            String n = name.strip();
            if (!TOKEN.matcher(n).matches() || out.length() + n.length() + 2 > MAX_ECHOED) {
                continue;
            }
            out.append(out.length() == 0 ? "" : ", ").append(n);
        }
        return out.length() == 0 ? ALLOWED_HEADERS : out.toString();
    }
}
