package com.aurouslabs.toolkit.conformance.arbitraries;

/** A generated value with the boundary/equivalence class it was drawn from (for Statistics coverage). */
public record Tagged<T>(String tag, T value) {
  @Override
  public String toString() {
    return tag + ":" + (value instanceof String s && s.length() > 60 ? "\"" + s.substring(0, 30) + "...\"("
        + s.codePointCount(0, s.length()) + " cp)" : String.valueOf(value));
  }
}
