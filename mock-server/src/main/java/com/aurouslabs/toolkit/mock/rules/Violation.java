package com.aurouslabs.toolkit.mock.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broken rule, before its outcome is looked up: the rule ID and the values its param and message templates name
 * ({@code field}, {@code i}, {@code path}, {@code missing}, {@code reason}, ...), plus response headers the answer
 * carries (Retry-After). The outcome itself (status, type, code, param, message) comes from rules.yaml.
 */
public final class Violation {

    private final String ruleId;
    private final Map<String, String> vars = new LinkedHashMap<>(4);
    private Map<String, String> headers = Map.of();
    private FallbackOutcome fallback;

    private Violation(String ruleId) {
        this.ruleId = ruleId;
    }

    public static Violation of(String ruleId) {
        return new Violation(ruleId);
    }

    /** Sets a template value ({@code field}, {@code i}, ...); null values are left out. */
    public Violation with(String name, Object value) {
        if (value != null) {
            vars.put(name, String.valueOf(value));
        }
        return this;
    }

    /** A response header the answer carries. */
    public Violation header(String name, String value) {
        if (headers.isEmpty()) {
            headers = new LinkedHashMap<>(2);
        }
        headers.put(name, value);
        return this;
    }

    /**
     * The outcome to use when rules.yaml has no rule of this ID (a schema keyword on a property the catalog does
     * not name, from a {@code --spec} that adds one).
     */
    public Violation fallback(FallbackOutcome outcome) {
        this.fallback = outcome;
        return this;
    }

    public String ruleId() {
        return ruleId;
    }

    public String var(String name) {
        return vars.get(name);
    }

    public Map<String, String> vars() {
        return vars;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public FallbackOutcome fallback() {
        return fallback;
    }

    /** The outcome of a finding whose rule ID is not in the catalog: 400 invalid_request with this code. */
    public record FallbackOutcome(String code, String param, String message) {
    }

    @Override
    public String toString() {
        return ruleId + vars;
    }
}
