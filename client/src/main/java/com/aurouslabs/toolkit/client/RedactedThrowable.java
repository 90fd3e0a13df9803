package com.aurouslabs.toolkit.client;

/**
 * Stands in for a cause whose message (or whose own causes' messages) quoted the API key. The message names
 * the original class and carries its message with the key masked; the stack trace is the original's, and the
 * original's causes and suppressed exceptions are attached, scrubbed the same way. See
 * {@link Redaction#safeCause(Throwable, String)}.
 */
final class RedactedThrowable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String originalClassName;

  RedactedThrowable(String originalClassName, String maskedMessage) {
    super(maskedMessage == null ? originalClassName : originalClassName + ": " + maskedMessage);
    this.originalClassName = originalClassName;
  }

  /** Fully qualified name of the exception this one replaces. */
  String originalClassName() {
    return originalClassName;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the original's stack trace is copied in instead
  }
}
