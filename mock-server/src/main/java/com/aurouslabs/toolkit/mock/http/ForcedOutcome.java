package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.error.ApiError;
import java.util.Locale;

/**
 * {@code X-Mock-Force: 429|500|502|503|504|timeout}: an outcome the caller asks for, whatever the request. A mock
 * feature, not a rule of rules.yaml, so its answers are written here.
 */
public enum ForcedOutcome {
    RATE_LIMITED("429"),
    INTERNAL_ERROR("500"),
    BAD_GATEWAY("502"),
    UNAVAILABLE("503"),
    GATEWAY_TIMEOUT("504"),
    TIMEOUT("timeout");

    public static final String RULE_ID = "MOCK-FORCE";

    private final String headerValue;

    ForcedOutcome(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The outcome named by the header value, or null when it names none. */
    public static ForcedOutcome fromHeader(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (ForcedOutcome f : values()) {
            if (f.headerValue.equals(v)) {
                return f;
            }
        }
        return null;
    }

    /** The answer to an X-Mock-Force value that names no outcome. */
    public static ApiError unknown() {
        return ApiError.mockOnly(400, ApiError.INVALID_REQUEST, "invalid_format",
                "X-Mock-Force must be one of " + allowedValues() + ".", MockHeaders.MOCK_FORCE, RULE_ID);
    }

    /** The error it answers with (TIMEOUT answers 504 provider_timeout once the hold is over). */
    public ApiError error() {
        return switch (this) {
            case RATE_LIMITED -> ApiError.mockOnly(429, ApiError.RATE_LIMIT, "too_many_requests",
                    "Rate limit exceeded for estimate_post. Retry after 1s.", null, RULE_ID);
            case INTERNAL_ERROR -> ApiError.mockOnly(500, ApiError.SERVER_ERROR, "internal_error",
                    "Something went wrong on our side.", null, RULE_ID);
            case BAD_GATEWAY -> ApiError.mockOnly(502, ApiError.SERVER_ERROR, "provider_unavailable",
                    "The upstream provider answered with an error.", null, RULE_ID);
            case UNAVAILABLE -> ApiError.mockOnly(503, ApiError.SERVER_ERROR, "provider_unavailable",
                    "The service is temporarily unavailable.", null, RULE_ID);
            case GATEWAY_TIMEOUT, TIMEOUT -> ApiError.mockOnly(504, ApiError.SERVER_ERROR, "provider_timeout",
                    "The upstream provider did not answer in time.", null, RULE_ID);
        };
    }

    public static String allowedValues() {
        return "429, 500, 502, 503, 504, timeout";
    }
}
