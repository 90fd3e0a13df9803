package com.aurouslabs.toolkit.mock.http;

import com.aurouslabs.toolkit.mock.ratelimit.RateLimitDecision;
import java.util.List;
import java.util.Map;

/**
 * An answer before it is written: status, JSON body (a Jackson tree, or the bytes of the 200 estimate), the rule that decided it, the echoed version, the
 * rate-limit header values, who asked (team, masked key), extra headers, warn-only findings and, for
 * {@code X-Mock-Force: timeout}, the hold.
 */
public record Outcome(int status, Object body, String ruleId, String version, RateLimitDecision rateLimit,
                      String teamId, String maskedKey, Map<String, String> extraHeaders, List<String> warnings,
                      boolean holdThenTimeout) {

    public Outcome withHeader(String name, String value) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new Outcome(status, body, ruleId, version, rateLimit, teamId, maskedKey, headers, warnings,
                holdThenTimeout);
    }
}
