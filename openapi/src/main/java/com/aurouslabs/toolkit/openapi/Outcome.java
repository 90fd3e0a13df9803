package com.aurouslabs.toolkit.openapi;

import java.util.List;
import java.util.Optional;

/**
 * What an implementation must answer when a rule applies.
 *
 * @param status     HTTP status, or null for rules about headers or every response
 * @param type       {@code error.type} of an error answer, else null
 * @param code       {@code error.code} of an error answer, else null
 * @param param      {@code error.param}: a field name, {@code "{field}"} (the offending field),
 *                   {@code "{missing}"} (the absent one), {@code "reference_image_urls[{i}]"}, or null
 * @param header     the response header the rule is about, else null
 * @param documented which of status, type, code, param, header the vendor states; the rest are decisions
 */
public record Outcome(
        Integer status, String type, String code, String param, String header, List<String> documented) {

    public Outcome {
        documented = documented == null ? List.of() : List.copyOf(documented);
    }

    /** True for a 4xx or 5xx outcome. */
    public boolean isError() {
        return status != null && status >= 400;
    }

    public Optional<Integer> statusIfAny() {
        return Optional.ofNullable(status);
    }

    /** Whether the vendor documents this part ({@code "status"}, {@code "code"}, ...) of the outcome. */
    public boolean isDocumented(String part) {
        return documented.contains(part);
    }
}
