package com.aurouslabs.toolkit.client;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Cuts {@code text} to at most {@code max} characters (plus "..."), never inside an occurrence of
   * {@code mask} (the cut moves back to where the mask starts) and never between the halves of a surrogate
   * pair. Mask the text before cutting it: a key straddling the cut would otherwise be left half visible.
   */
  static String truncate(String text, int max, String mask) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int cut = max;
    if (mask != null && !mask.isEmpty()) {
      boolean moved = true;
      while (moved && cut > 0) {
        moved = false;
        int i = text.indexOf(mask, Math.max(0, cut - mask.length() + 1));
        if (i >= 0 && i < cut && i + mask.length() > cut) {
          cut = i;
          moved = true;
        }
      }
    }
    if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "...";
  }

  /**
   * {@code cause} itself when neither it nor anything it links to (causes and suppressed exceptions,
   * recursively) mentions the key in its message or {@code toString()}; otherwise a {@link RedactedThrowable}
   * substitute (original class name and masked message, original stack trace, links scrubbed the same way),
   * so that a logged stack trace can never print the key.
   */
  static Throwable safeCause(Throwable cause, String apiKey) {
    if (cause == null || apiKey == null || apiKey.isEmpty()
        || !mentions(cause, apiKey, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      return cause;
    }
    return substitute(cause, apiKey, new IdentityHashMap<>());
  }

  private static boolean mentions(Throwable t, String apiKey, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    if (contains(t.getMessage(), apiKey) || contains(t.getLocalizedMessage(), apiKey)
        || contains(safeToString(t), apiKey)) {
      return true;
    }
    if (mentions(t.getCause(), apiKey, seen)) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (mentions(s, apiKey, seen)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable substitute(Throwable t, String apiKey, Map<Throwable, Throwable> done) {
    Throwable existing = done.get(t);
    if (existing != null) {
      return existing;
    }
    if (!mentions(t, apiKey, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      done.put(t, t);
      return t;
    }
    String message = t.getMessage();
    if (message == null) {
      message = t.getLocalizedMessage();
    }
    RedactedThrowable copy = new RedactedThrowable(t.getClass().getName(), scrub(message, apiKey));
    done.put(t, copy);
    copy.setStackTrace(t.getStackTrace());
    Throwable cause = t.getCause();
    if (cause != null && cause != t) {
      Throwable safe = substitute(cause, apiKey, done);
      if (safe != copy) {
        copy.initCause(safe);
      }
    }
    for (Throwable s : t.getSuppressed()) {
      Throwable safe = substitute(s, apiKey, done);
      if (safe != copy) {
        copy.addSuppressed(safe);
      }
    }
    return copy;
  }

  private static boolean contains(String text, String apiKey) {
    return text != null && text.contains(apiKey);
  }

  private static String safeToString(Throwable t) {
    try {
      return t.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
