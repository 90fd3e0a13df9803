package com.aurouslabs.toolkit.mock.error;

import com.aurouslabs.toolkit.mock.rules.Violation;
import com.aurouslabs.toolkit.openapi.Outcome;
import java.util.Map;

/**
 * The outcome of every rule for one reading (rules.yaml's, the alternative's parts over it under the alternative
 * profile, a defect's over that): turns a {@link Violation} into the {@link ApiError} to answer, filling the
 * param and message templates ({@code {field}}, {@code {i}}, {@code {path}}, {@code {missing}}, {@code {param}},
 * ...) with the violation's values. The only place an error's status, type, code, param and message are chosen.
 */
public final class OutcomeBook {

    private final Map<String, Outcome> outcomes;

    public OutcomeBook(Map<String, Outcome> outcomes) {
        this.outcomes = Map.copyOf(outcomes);
    }

    public Outcome outcome(String ruleId) {
        return outcomes.get(ruleId);
    }

    public ApiError resolve(Violation v) {
        Outcome o = outcomes.get(v.ruleId());
        if (o != null && o.isError()) {
            String param = o.param() == null ? null : fill(o.param(), v, null);
            String message = o.message() == null ? o.code() : fill(o.message(), v, param);
            return new ApiError(o.status(), o.type(), o.code(), message, param, v.ruleId(), v.headers());
        }
        Violation.FallbackOutcome fallback = v.fallback();
        if (fallback == null) {
            throw new IllegalStateException("rules.yaml gives rule " + v.ruleId() + " no error outcome");
        }
        String param = fill(fallback.param(), v, null);
        return new ApiError(400, ApiError.INVALID_REQUEST, fallback.code(), fill(fallback.message(), v, param),
                param, v.ruleId(), v.headers());
    }

    /** {@code template} with each {@code {name}} replaced by the violation's value (empty when it has none). */
    static String fill(String template, Violation v, String param) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                break;
            }
            out.append(template, from, open);
            String name = template.substring(open + 1, close);
            String value = "param".equals(name) ? paramText(v, param) : v.var(name);
            out.append(value == null ? "" : value);
            from = close + 1;
            open = template.indexOf('{', from);
        }
        return out.append(template, from, template.length()).toString();
    }

    private static String paramText(Violation v, String param) {
        if (param != null) {
            return param;
        }
        String path = v.var("path");
        return path != null ? path : v.var("field");
    }
}
