package com.aurouslabs.toolkit.mock.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One answered request: when (epoch millis, formatted only when read), method, path, status, the rule ID that
 * decided it ({@code OK} on 200), the masked API key, the team, the request id, in warn-only mode the rules the
 * request broke, and what was sent: the headers and the body (at most {@link #MAX_BODY_BYTES} bytes kept;
 * {@code bodySizeSent} is the size sent, -1 when it was not read). Recording copies nothing: the entry keeps the
 * request's own header map and body bytes, and turns them into text, credentials and key-shaped strings masked
 * ({@link RequestHeaders}), only when the journal is read. No accessor returns an unmasked credential. In proxy mode
 * ({@code --proxy-to}) {@code proxy} holds what the validating proxy found in the exchange; it is left out otherwise.
 */
@JsonPropertyOrder({"timestamp", "method", "path", "status", "rule", "api_key", "team", "request_id", "warnings",
    "headers", "body", "body_size", "body_truncated", "proxy"})
public record JournalEntry(@JsonIgnore long epochMillis, String method, String path, int status, String rule,
                           String apiKey, String team, String requestId, List<String> warnings,
                           @JsonIgnore Iterable<Map.Entry<String, String>> sentHeaders, @JsonIgnore byte[] bodyKept,
                           @JsonIgnore int bodySizeSent,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ExchangeFindings proxy) {

    /** The most of a request body one entry keeps (16 KiB); the rest is dropped, with a marker in {@link #body()}. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Pattern KEY_SHAPED = Pattern.compile("\\b(al_live_|al_test_|og_)[A-Za-z0-9_-]+");

    /** An entry without the request's headers and body (e.g. the body was never read). */
    public JournalEntry(long epochMillis, String method, String path, int status, String rule, String apiKey,
                        String team, String requestId, List<String> warnings) {
        this(epochMillis, method, path, status, rule, apiKey, team, requestId, warnings, List.of(), null, -1, null);
    }

    public JournalEntry {
        warnings = warnings == null ? List.of() : warnings;
        sentHeaders = sentHeaders == null ? RecordedHeaders.NONE : RecordedHeaders.of(sentHeaders);
    }

    /**
     * The body as sent, bounded: at most {@link #MAX_BODY_BYTES} bytes of it are kept (the array itself when it is
     * small enough, which the caller must not change afterwards).
     */
    public static byte[] keep(byte[] body) {
        if (body == null || body.length <= MAX_BODY_BYTES) {
            return body;
        }
        return java.util.Arrays.copyOf(body, MAX_BODY_BYTES);
    }

    /** This entry with the validating proxy's findings. */
    public JournalEntry withProxy(ExchangeFindings findings) {
        return new JournalEntry(epochMillis, method, path, status, rule, apiKey, team, requestId, warnings, sentHeaders,
                bodyKept, bodySizeSent, findings);
    }

    /** ISO-8601 instant, e.g. {@code 2026-11-24T08:37:20.341Z} (the {@code timestamp} of the admin journal). */
    @JsonProperty("timestamp")
    public String timestamp() {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /**
     * The request headers in the order sent (repeated names joined with {@code ", "}), credentials masked, values cut
     * at 1024 characters.
     */
    @JsonProperty("headers")
    public Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : sentHeaders) {
            out.merge(h.getKey(), RequestHeaders.masked(h.getKey(), h.getValue()), (a, b) -> a + ", " + b);
        }
        return out;
    }

    /** The value of a header as {@link #headers()} shows it (name case-insensitive), or null. */
    public String header(String name) {
        String value = null;
        for (Map.Entry<String, String> h : sentHeaders) {
            if (h.getKey().equalsIgnoreCase(name)) {
                String shown = RequestHeaders.masked(h.getKey(), h.getValue());
                value = value == null ? shown : value + ", " + shown;
            }
        }
        return value;
    }

    /**
     * The body as UTF-8 text (null when it was not read, e.g. answered 413 before it ended), key-shaped strings
     * masked ({@code al_live_****}); a truncated body ends with {@code …[truncated: N bytes sent]}.
     */
    @JsonProperty("body")
    public String body() {
        if (bodyKept == null) {
            return null;
        }
        String text = KEY_SHAPED.matcher(new String(bodyKept, StandardCharsets.UTF_8)).replaceAll("$1****");
        return bodyTruncated() ? text + "…[truncated: " + bodySizeSent + " bytes sent]" : text;
    }

    /** The size of the body sent, in bytes; null when the body was not read. */
    @JsonProperty("body_size")
    public Integer bodySizeOrNull() {
        return bodySizeSent < 0 ? null : bodySizeSent;
    }

    @JsonProperty("body_truncated")
    public boolean bodyTruncated() {
        return bodyKept != null && bodySizeSent > bodyKept.length;
    }

    @Override
    public String toString() {
        return "JournalEntry[" + method + " " + path + " -> " + status + " " + rule + ", key " + apiKey + ", team "
                + team + ", " + requestId + ", body " + bodySizeSent + " bytes]";
    }
}
