package com.aurouslabs.toolkit.mock.journal;

import java.util.List;

/**
 * One answered request: when, method, path, status, the rule ID that decided it ({@code OK} on 200), the masked
 * API key, the team, the request id and, in warn-only mode, the rules the request broke.
 */
public record JournalEntry(String timestamp, String method, String path, int status, String rule, String apiKey,
                           String team, String requestId, List<String> warnings) {
}
