package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.error.ApiError;
import java.util.Locale;

/** {@code X-Mock-Force: 429|500|502|503|504|timeout}: an outcome the caller asks for, whatever the request. */
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

    /** The error it answers with (TIMEOUT answers 504 provider_timeout once the hold is over). */
    public ApiError error() {
        return switch (this) {
            case RATE_LIMITED -> new ApiError(429, ApiError.RATE_LIMIT, "too_many_requests",
                    "Rate limit exceeded for estimate_post. Retry after 1s.", null, RULE_ID);
            case INTERNAL_ERROR -> ApiError.serverError(500, RULE_ID, "internal_error",
                    "Something went wrong on our side.");
            case BAD_GATEWAY -> ApiError.serverError(502, RULE_ID, "provider_unavailable",
                    "The upstream provider answered with an error.");
            case UNAVAILABLE -> ApiError.serverError(503, RULE_ID, "provider_unavailable",
                    "The service is temporarily unavailable.");
            case GATEWAY_TIMEOUT, TIMEOUT -> ApiError.serverError(504, RULE_ID, "provider_timeout",
                    "The upstream provider did not answer in time.");
        };
    }

    public static String allowedValues() {
        return "429, 500, 502, 503, 504, timeout";
    }
}
