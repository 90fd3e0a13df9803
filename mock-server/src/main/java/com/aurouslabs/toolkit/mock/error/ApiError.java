package com.aurouslabs.toolkit.mock.error;

/**
 * One error answer before it is put in the envelope: HTTP status, the envelope's type, code, message and param,
 * and the rule ID (from rules.yaml) that decided it. {@link ErrorEnvelopeFactory} is the only place that turns
 * it into JSON.
 */
public record ApiError(int status, String type, String code, String message, String param, String ruleId) {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String AUTHENTICATION = "authentication";
    public static final String NOT_FOUND = "not_found";
    public static final String RATE_LIMIT = "rate_limit";
    public static final String SERVER_ERROR = "server_error";

    public static ApiError invalidRequest(String ruleId, String code, String param, String message) {
        return new ApiError(400, INVALID_REQUEST, code, message, param, ruleId);
    }

    public static ApiError invalidFormat(String ruleId, String param, String message) {
        return invalidRequest(ruleId, "invalid_format", param, message);
    }

    public static ApiError notFound(String ruleId, String param, String message) {
        return new ApiError(404, NOT_FOUND, "resource_not_found", message, param, ruleId);
    }

    public static ApiError authentication(String ruleId, String code, String message) {
        return new ApiError(401, AUTHENTICATION, code, message, null, ruleId);
    }

    public static ApiError serverError(int status, String ruleId, String code, String message) {
        return new ApiError(status, SERVER_ERROR, code, message, null, ruleId);
    }
}
