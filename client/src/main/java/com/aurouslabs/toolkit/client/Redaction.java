package com.aurouslabs.toolkit.client;

import java.util.Locale;
import java.util.Set;

/** Keeps credentials out of messages and logs. */
final class Redaction {

  static final String MASK = "****";

  private static final Set<String> SENSITIVE_HEADERS =
      Set.of("x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie");

  private Redaction() {}

  static boolean isSensitiveHeader(String name) {
    return name != null && SENSITIVE_HEADERS.contains(name.trim().toLowerCase(Locale.ROOT));
  }

  /** Replaces every occurrence of the key in {@code text} with its masked form. */
  static String scrub(String text, String apiKey) {
    if (text == null || apiKey == null || apiKey.isEmpty()) {
      return text;
    }
    return text.replace(apiKey, AurousClientOptions.maskApiKey(apiKey));
  }
}
