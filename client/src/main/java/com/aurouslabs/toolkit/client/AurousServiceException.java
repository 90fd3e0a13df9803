package com.aurouslabs.toolkit.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered with a non-2xx status. Carries the status, the response headers and the parsed error
 * envelope (empty when the body was not an Aurous envelope, for example an HTML 502 from a proxy). Subclasses
 * exist per documented status / error type; see the README table.
 */
public class AurousServiceException extends AurousException {

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final AurousError error;

  public AurousServiceException(
      String message, int statusCode, Map<String, List<String>> headers, AurousError error) {
    super(message);
    this.statusCode = statusCode;
    this.headers = HttpHeaders.copyOf(Objects.requireNonNull(headers, "headers"));
    this.error = error;
  }

  /** The HTTP status code. */
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

  /** The parsed envelope, empty if the body was not an Aurous error envelope. */
  public Optional<AurousError> error() {
    return Optional.ofNullable(error);
  }

  /** {@code error.request_id}, or else the {@code Aurous-Request-Id} header. */
  public Optional<String> requestId() {
    return error().map(AurousError::requestId).or(() -> header(HttpHeaders.REQUEST_ID));
  }

  /** {@code error.type}, for example {@code invalid_request}. */
  public Optional<String> type() {
    return error().map(AurousError::type);
  }

  /** {@code error.code}, for example {@code value_out_of_range}. */
  public Optional<String> code() {
    return error().map(AurousError::code);
  }

  /** {@code error.param}, the request parameter at fault. */
  public Optional<String> param() {
    return error().map(AurousError::param);
  }

  /** {@code error.doc_url}. */
  public Optional<String> docUrl() {
    return error().map(AurousError::docUrl);
  }
}
