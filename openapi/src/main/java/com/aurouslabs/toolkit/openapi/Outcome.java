package com.aurouslabs.toolkit.openapi;

import java.util.List;
import java.util.Optional;

/**
 * What an implementation must answer when a rule applies.
 *
 * @param status     HTTP status, or null for rules about headers or every response
 * @param type       {@code error.type} of an error answer, else null
 * @param code       {@code error.code} of an error answer, else null
 * @param param      {@code error.param} as a template: a field name, {@code "{field}"} (the offending top-level
 *                   field), {@code "{path}"} (the field, or {@code field[i]} for an array entry),
 *                   {@code "{missing}"} (the absent one), {@code "reference_image_urls[{i}]"}, or null
 * @param header     the response header the rule is about, else null
 * @param message    the mock's {@code error.message} as a template ({@code {param}}, {@code {field}}, ... filled in
 *                   per request; never judged, only shown); null for non-error outcomes
 * @param documented which of status, type, code, param, header the vendor states; the rest are decisions
 */
public record Outcome(
        Integer status, String type, String code, String param, String header, String message,
        List<String> documented) {

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

    /** The value of one part by name ({@code status}, {@code type}, {@code code}, {@code param}, {@code header}, {@code message}). */
    public Object part(String name) {
        return switch (name) {
            case "status" -> status;
            case "type" -> type;
            case "code" -> code;
            case "param" -> param;
            case "header" -> header;
            case "message" -> message;
            default -> throw new IllegalArgumentException("no outcome part " + name);
        };
    }
}
