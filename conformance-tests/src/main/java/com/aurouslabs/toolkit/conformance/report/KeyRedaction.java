package com.aurouslabs.toolkit.conformance.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Masks API keys in text that leaves the process (reports, console lines). The suite masks keys itself; this is the
 * second line of defence for the rendered formats: every {@code al_live_…}, {@code al_test_…} and {@code og_…}-style
 * key becomes {@code al_live_****}, and every secret this run was given (whatever its shape) becomes {@code ****}.
 */
public final class KeyRedaction {

  /** Keys of the documented shapes; the already masked {@code al_live_****} does not match. */
  private static final Pattern KEY_SHAPED =
      Pattern.compile("\\b(al_(?:live|test)_|og_)[A-Za-z0-9][A-Za-z0-9_-]{7,}");
  /** Secrets shorter than this are not searched for (they would mask ordinary words). */
  private static final int MIN_SECRET = 8;

  private final List<String> secrets;

  private KeyRedaction(List<String> secrets) {
    this.secrets = secrets;
  }

  /** Masks key-shaped text only. */
  public static KeyRedaction keyShapes() {
    return new KeyRedaction(List.of());
  }

  /** Masks key-shaped text and each of {@code secrets} (null and short values are ignored). */
  public static KeyRedaction of(List<String> secrets) {
    return new KeyRedaction(secrets.stream().filter(Objects::nonNull).map(String::trim)
        .filter(s -> s.length() >= MIN_SECRET).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList());
  }

  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String out = KEY_SHAPED.matcher(text).replaceAll("$1****");
    for (String s : secrets) {
      out = out.replace(s, "****");
    }
    return out;
  }

  @Override
  public String toString() {
    return "KeyRedaction[" + secrets.size() + " secrets]";
  }
}
