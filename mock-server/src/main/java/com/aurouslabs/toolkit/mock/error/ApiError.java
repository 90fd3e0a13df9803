package com.aurouslabs.toolkit.mock.error;

import java.util.Map;

/**
 * One error answer before it is put in the envelope: HTTP status, the envelope's type, code, message and param,
 * the rule ID that decided it, and response headers it carries (Retry-After). For a rule of rules.yaml it is made
 * by {@link OutcomeBook} from the catalog's outcome; only the mock's own answers (admin routes, X-Mock-Force, the
 * catch-all 500) are made here. {@link ErrorEnvelopeFactory} is the only place that turns it into JSON.
 */
public record ApiError(int status, String type, String code, String message, String param, String ruleId,
                       Map<String, String> headers) {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String AUTHENTICATION = "authentication";
    public static final String NOT_FOUND = "not_found";
    public static final String RATE_LIMIT = "rate_limit";
    public static final String SERVER_ERROR = "server_error";

    public ApiError {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A mock-only answer (not a rule of rules.yaml): admin routes, X-Mock-Force, the catch-all 500. */
    public static ApiError mockOnly(int status, String type, String code, String message, String param,
                                    String ruleId) {
        return new ApiError(status, type, code, message, param, ruleId, Map.of());
    }
}
