package com.aurouslabs.toolkit.mock.validation;

import com.aurouslabs.toolkit.mock.error.ApiError;

/**
 * One schema finding, already mapped to the envelope: {@code keyword} is the JSON Schema keyword that failed,
 * {@code field} the top-level property, {@code param} what the envelope names ({@code reference_image_urls[2]}).
 */
public record SchemaViolation(String keyword, String field, String param, String code, String ruleId,
                              String message) {

    public ApiError toError() {
        return ApiError.invalidRequest(ruleId, code, param, message);
    }
}
