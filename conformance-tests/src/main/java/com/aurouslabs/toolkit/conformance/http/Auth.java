package com.aurouslabs.toolkit.conformance.http;

/** How a case authenticates. Concrete keys come from the target at send time, so cases print without secrets. */
public enum Auth {
  /** The target's key in X-Api-Key. */
  API_KEY,
  /** The target's key as {@code Authorization: Bearer} (AUTH-BEARER-ALIAS). */
  BEARER,
  /** No credentials (AUTH-MISSING-KEY). */
  NONE,
  /** A well-formed key nobody issued (AUTH-INVALID-KEY). */
  UNKNOWN_KEY,
  /** Not a key at all (AUTH-INVALID-KEY). */
  MALFORMED_KEY,
  /** The revoked-key fixture (AUTH-REVOKED-KEY). */
  REVOKED_KEY,
  /** The legacy og_ fixture key (AUTH-LEGACY-OG-KEY). */
  LEGACY_KEY,
  /** Valid X-Api-Key plus an unknown Bearer token: X-Api-Key decides, accepted (AUTH-HEADER-PRECEDENCE). */
  KEY_WINS_OVER_BAD_BEARER,
  /** Unknown X-Api-Key plus the valid Bearer token: X-Api-Key decides, rejected (AUTH-HEADER-PRECEDENCE). */
  BAD_KEY_WINS_OVER_BEARER,
  /** An empty X-Api-Key alone: a blank key counts as not sent, rejected (AUTH-MISSING-KEY). */
  BLANK_KEY,
  /** An empty X-Api-Key plus the valid Bearer token: the blank key counts as not sent, accepted (AUTH-HEADER-PRECEDENCE). */
  BLANK_KEY_WITH_BEARER,
  /** The target's key under another Authorization scheme ({@code Token}): counts as no key (AUTH-HEADER-PRECEDENCE). */
  OTHER_SCHEME;

  public static final String UNKNOWN_KEY_VALUE =
      "al_live_0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";
  public static final String MALFORMED_KEY_VALUE = "not-a-key";

  /** Masks a key for printing: its prefix and {@code ****}. */
  public static String mask(String key) {
    if (key == null) {
      return "null";
    }
    for (String prefix : new String[] {"al_live_", "al_test_", "og_"}) {
      if (key.startsWith(prefix)) {
        return prefix + "****";
      }
    }
    return "****";
  }
}
