package com.aurouslabs.toolkit.mock.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One answered request: when (epoch millis, formatted only when read), method, path, status, the rule ID that
 * decided it ({@code OK} on 200), the masked API key, the team, the request id and, in warn-only mode, the rules
 * the request broke. In proxy mode ({@code --proxy-to}) {@code proxy} holds what the validating proxy found in the
 * exchange; it is left out otherwise.
 */
public record JournalEntry(@JsonIgnore long epochMillis, String method, String path, int status, String rule,
                           String apiKey, String team, String requestId, List<String> warnings,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ExchangeFindings proxy) {

    /** An entry of the offline mock (no proxy findings). */
    public JournalEntry(long epochMillis, String method, String path, int status, String rule, String apiKey,
                        String team, String requestId, List<String> warnings) {
        this(epochMillis, method, path, status, rule, apiKey, team, requestId, warnings, null);
    }

    /** This entry with the validating proxy's findings. */
    public JournalEntry withProxy(ExchangeFindings findings) {
        return new JournalEntry(epochMillis, method, path, status, rule, apiKey, team, requestId, warnings, findings);
    }

    /** ISO-8601 instant, e.g. {@code 2026-11-24T08:37:20.341Z} (the {@code timestamp} of the admin journal). */
    @JsonProperty("timestamp")
    public String timestamp() {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
