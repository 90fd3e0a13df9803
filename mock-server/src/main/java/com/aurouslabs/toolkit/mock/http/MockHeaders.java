package com.aurouslabs.toolkit.mock.http;

/** Header names the mock reads or writes. */
public final class MockHeaders {

    public static final String REQUEST_ID = "Aurous-Request-Id";
    public static final String VERSION = "Aurous-Version";
    public static final String API_KEY = "X-Api-Key";
    public static final String AUTHORIZATION = "Authorization";
    public static final String RATE_LIMIT = "X-RateLimit-Limit";
    public static final String RATE_REMAINING = "X-RateLimit-Remaining";
    public static final String RATE_RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String MOCK_RULE = "X-Mock-Rule";
    public static final String MOCK_RESOLVED_SIZE = "X-Mock-Resolved-Size";
    public static final String MOCK_WARNINGS = "X-Mock-Validation-Warnings";
    public static final String MOCK_FORCE = "X-Mock-Force";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String JSON = "application/json";

    private MockHeaders() {
    }
}
