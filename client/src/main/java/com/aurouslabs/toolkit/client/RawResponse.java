package com.aurouslabs.toolkit.client;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful response: the decoded body plus the HTTP status and headers, with typed accessors for the
 * Aurous headers (request id, resolved version, rate-limit state).
 *
 * @param <T> the decoded body type, a generated model
 */
public final class RawResponse<T> {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T body;

  public RawResponse(int statusCode, Map<String, ? extends Collection<String>> headers, T body) {
    this.statusCode = statusCode;
    this.headers = HttpHeaders.copyOf(headers);
    this.body = body;
  }

  public int statusCode() {
    return statusCode;
  }

  /** Response headers; names are case-insensitive; unmodifiable. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** First value of a response header, case-insensitive. */
  public Optional<String> header(String name) {
    return HttpHeaders.first(headers, name);
  }

  /** {@code Aurous-Request-Id}, quote it to support. */
  public Optional<String> requestId() {
    return header(HttpHeaders.REQUEST_ID);
  }

  /** {@code Aurous-Version}: the API version the server applied. */
  public Optional<String> apiVersion() {
    return header(HttpHeaders.VERSION);
  }

  /** The {@code X-RateLimit-*} headers. */
  public RateLimitInfo rateLimit() {
    return RateLimitInfo.from(headers);
  }

  /** The decoded body. */
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "RawResponse{status=" + statusCode + ", requestId=" + requestId().orElse(null)
        + ", apiVersion=" + apiVersion().orElse(null) + ", body=" + body + '}';
  }
}
