package com.aurouslabs.toolkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The one place where a non-2xx HTTP answer becomes an exception. Status decides the class; for a status the
 * docs do not list, the envelope's {@code error.type} decides; failing both, {@link AurousServiceException}.
 */
final class AurousErrorDecoder implements ErrorDecoder {

  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final int MAX_SNIPPET_CHARS = 200;

  private final ObjectMapper mapper;
  private final Clock clock;
  private final String apiKey;

  AurousErrorDecoder(ObjectMapper mapper, Clock clock, String apiKey) {
    this.mapper = mapper;
    this.clock = clock;
    this.apiKey = apiKey;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    Map<String, List<String>> headers = HttpHeaders.copyOf(response.headers());
    String body = readBody(response);
    AurousError error = parseEnvelope(body);
    // Mask before describe() cuts the body to an excerpt: a key straddling the cut would stay half visible.
    String message = Redaction.scrub(
        describe(status, headers, error, Redaction.scrub(body, apiKey), AurousClientOptions.maskApiKey(apiKey)),
        apiKey);
    return create(status, headers, error, message);
  }

  private AurousServiceException create(
      int status, Map<String, List<String>> headers, AurousError error, String message) {
    switch (status) {
      case 400: case 402: case 409: case 413: case 422:
        return new InvalidRequestException(message, status, headers, error);
      case 401:
        return new AuthenticationException(message, status, headers, error);
      case 403:
        return new PermissionDeniedException(message, status, headers, error);
      case 404: case 410:
        return new NotFoundException(message, status, headers, error);
      case 429:
        return new RateLimitException(message, status, headers, error, retryAfter(headers));
      default:
        break;
    }
    if (status >= 500 && status <= 599) {
      return new ServerErrorException(message, status, headers, error);
    }
    String type = error == null || error.type() == null ? "" : error.type();
    switch (type) {
      case "invalid_request":
        return new InvalidRequestException(message, status, headers, error);
      case "authentication":
        return new AuthenticationException(message, status, headers, error);
      case "not_found":
        return new NotFoundException(message, status, headers, error);
      case "rate_limit":
        return new RateLimitException(message, status, headers, error, retryAfter(headers));
      case "server_error":
        return new ServerErrorException(message, status, headers, error);
      default:
        return new AurousServiceException(message, status, headers, error);
    }
  }

  /**
   * {@code Retry-After} in seconds (or as an HTTP date), else {@code X-RateLimit-Reset} minus now; never
   * negative. Capping happens in the retry loop.
   */
  Duration retryAfter(Map<String, List<String>> headers) {
    String value = HttpHeaders.first(headers, HttpHeaders.RETRY_AFTER).map(String::trim).orElse(null);
    if (value != null && !value.isEmpty()) {
      try {
        double seconds = Double.parseDouble(value);
        if (Double.isFinite(seconds)) {
          return Duration.ofMillis(Math.max(0L, (long) Math.ceil(Math.min(seconds, 86_400d) * 1000d)));
        }
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return nonNegative(Duration.between(clock.instant(), at));
        } catch (DateTimeParseException notADate) {
          // fall through to X-RateLimit-Reset
        }
      }
    }
    OptionalLong reset = HttpHeaders.firstLong(headers, HttpHeaders.RATE_LIMIT_RESET);
    if (reset.isPresent()) {
      return nonNegative(Duration.between(clock.instant(), Instant.ofEpochSecond(reset.getAsLong())));
    }
    return null;
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private AurousError parseEnvelope(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode root = mapper.readTree(body);
      JsonNode err = root == null ? null : root.get("error");
      if (err == null || !err.isObject()) {
        return null;
      }
      JsonNode upstream = err.get("status");
      return new AurousError(
          text(err, "type"),
          text(err, "code"),
          Redaction.scrub(text(err, "message"), apiKey),
          Redaction.scrub(text(err, "param"), apiKey),
          text(err, "doc_url"),
          text(err, "request_id"),
          upstream != null && upstream.canConvertToInt() ? upstream.intValue() : null);
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** {@code maskedBody} must already have the key masked (as {@code mask}); the excerpt is cut after that. */
  private static String describe(
      int status, Map<String, List<String>> headers, AurousError error, String maskedBody, String mask) {
    String requestId = error != null && error.requestId() != null
        ? error.requestId()
        : HttpHeaders.first(headers, HttpHeaders.REQUEST_ID).orElse(null);
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(status);
    if (error != null) {
      sb.append(' ').append(error.type()).append('/').append(error.code()).append("] ");
      sb.append(error.message() == null ? "(no message)" : error.message());
      if (error.param() != null) {
        sb.append(" (param: ").append(error.param()).append(')');
      }
    } else {
      String contentType = HttpHeaders.first(headers, "Content-Type").orElse("none");
      sb.append("] HTTP ").append(status).append(" with a body that is not an Aurous error envelope")
          .append(" (content-type: ").append(contentType).append(')');
      String snippet = snippet(maskedBody, mask);
      if (!snippet.isEmpty()) {
        sb.append(": ").append(snippet);
      }
    }
    if (requestId != null) {
      sb.append(" [request_id: ").append(requestId).append(']');
    }
    return sb.toString();
  }

  private static String snippet(String maskedBody, String mask) {
    if (maskedBody == null) {
      return "";
    }
    String flat = maskedBody.replaceAll("\\s+", " ").trim();
    return Redaction.truncate(flat, MAX_SNIPPET_CHARS, mask);
  }

  private static String readBody(Response response) {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().asInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
