package com.aurouslabs.toolkit.mock.http;

/** What the estimate pipeline reads from one HTTP request. {@code body} is null when it was too large. */
public record EstimateCall(String requestId, String apiKey, String authorization, String version,
                           String contentType, String idempotencyKey, String force, byte[] body, boolean tooLarge) {
}
