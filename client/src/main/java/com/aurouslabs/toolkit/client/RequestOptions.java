package com.aurouslabs.toolkit.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Settings for one call, over the client's {@link AurousClientOptions}: extra request headers, timeouts and the
 * retry budget (after stripe-java's {@code RequestOptions} and openai-java's per-call options). Immutable; build
 * it with {@link #builder()}, validated in {@link Builder#build()}.
 *
 * <pre>{@code
 * RequestOptions force503 = RequestOptions.builder()
 *     .header("X-Mock-Force", "503")      // ask the offline mock for a 503
 *     .readTimeout(Duration.ofSeconds(2))
 *     .maxRetries(0)
 *     .build();
 * client.estimate(request, force503);
 * }</pre>
 *
 * <p>Credentials come from the client options only: {@code X-Api-Key} and {@code Authorization} are refused
 * here, as are the headers the client and the transport set themselves ({@code Content-Type}, {@code Accept},
 * {@code Host}, {@code Content-Length}, ...). {@code Aurous-Version} replaces the client's {@code apiVersion}
 * pin for this call (sent once, unvalidated, so a test can send a malformed date). Header values are never
 * shown by {@link #toString()}; the wire log masks credential headers and any occurrence of the API key.
 */
public final class RequestOptions {

  /** The request-header name that pins the API version. */
  public static final String AUROUS_VERSION = "Aurous-Version";

  private static final RequestOptions NONE = new Builder().build();

  /** Headers that carry credentials: they come from {@link AurousClientOptions#apiKey()} only. */
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("x-api-key", "authorization");

  /** Headers the generated client or the HTTP transport sets for every request. */
  private static final Set<String> TRANSPORT_HEADERS = Set.of("accept", "content-type", "content-length",
      "transfer-encoding", "host", "connection", "keep-alive", "upgrade", "te", "trailer", "expect",
      "proxy-connection");

  private final Map<String, String> headers;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Integer maxRetries;

  private RequestOptions(Builder b) {
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxRetries = b.maxRetries;
  }

  /** No extra headers, the client's timeouts and retries. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.headers.putAll(headers);
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.maxRetries = maxRetries;
    return b;
  }

  /** Extra request headers, in the order they were set (names as given, unique ignoring case). */
  public Map<String, String> headers() {
    return headers;
  }

  /** The value of header {@code name}, ignoring case. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Replaces {@link AurousClientOptions#connectTimeout()} for this call. */
  public Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout);
  }

  /** Replaces {@link AurousClientOptions#readTimeout()} for this call: how long each attempt waits for the answer. */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  /** Replaces {@link AurousClientOptions#maxRetries()} for this call. */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** Header names only: a value may be a secret of the caller's. */
  @Override
  public String toString() {
    return "RequestOptions{headers=" + headers.keySet()
        + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout
        + ", maxRetries=" + maxRetries + '}';
  }

  /** Mutable builder; {@link #header} and the timeouts check their argument at once, {@link #build()} the rest. */
  public static final class Builder {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration connectTimeout;
    private Duration readTimeout;
    private Integer maxRetries;

    private Builder() {}

    /**
     * Adds (or replaces, ignoring case) a request header.
     *
     * @throws IllegalArgumentException if the name is not an HTTP token, is a credential or transport header,
     *     or the value contains a control character (the message never contains the value)
     */
    public Builder header(String name, String value) {
      String checked = checkName(name);
      Objects.requireNonNull(value, () -> "value of header " + checked);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
          throw new IllegalArgumentException("value of header " + checked
              + " contains a control or non-Latin-1 character at index " + i);
        }
      }
      headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(checked));
      headers.put(checked, value);
      return this;
    }

    /** Adds every entry of {@code headers} with {@link #header(String, String)}. */
    public Builder headers(Map<String, String> headers) {
      headers.forEach(this::header);
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** How long each attempt of this call waits for the answer. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /** Retries after the first attempt for this call, 0 to {@link AurousClientOptions#MAX_RETRIES_LIMIT}. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > AurousClientOptions.MAX_RETRIES_LIMIT) {
        throw new IllegalArgumentException("maxRetries must be between 0 and "
            + AurousClientOptions.MAX_RETRIES_LIMIT + ", got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }

    private static String checkName(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("header name must not be empty");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c > 0x7e || c <= 0x20 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
          throw new IllegalArgumentException("header name must be an HTTP token (RFC 9110), got one with "
              + (c <= 0x20 || c > 0x7e ? "a control, space or non-ASCII character" : "'" + c + "'")
              + " at index " + i);
        }
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (CREDENTIAL_HEADERS.contains(lower)) {
        throw new IllegalArgumentException(name + " cannot be set per request: the credential comes from "
            + "AurousClientOptions.apiKey (use another client for another key)");
      }
      if (TRANSPORT_HEADERS.contains(lower)) {
        throw new IllegalArgumentException(name + " cannot be set per request: the client sets it");
      }
      return name;
    }

    private static Duration positive(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
      }
      return value;
    }
  }
}
