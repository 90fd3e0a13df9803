package com.aurouslabs.toolkit.client;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Header names and case-insensitive header helpers. */
final class HttpHeaders {

  static final String API_KEY = "X-Api-Key";
  static final String REQUEST_ID = "Aurous-Request-Id";
  static final String VERSION = "Aurous-Version";
  static final String RETRY_AFTER = "Retry-After";
  static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";
  static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
  static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";

  private HttpHeaders() {}

  /** An unmodifiable, case-insensitive copy. */
  static Map<String, List<String>> copyOf(Map<String, ? extends Collection<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((name, values) -> {
        if (name != null) {
          copy.put(name, values == null ? List.of() : List.copyOf(values));
        }
      });
    }
    return Collections.unmodifiableMap(copy);
  }

  static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }

  static OptionalLong firstLong(Map<String, List<String>> headers, String name) {
    Optional<String> value = first(headers, name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
