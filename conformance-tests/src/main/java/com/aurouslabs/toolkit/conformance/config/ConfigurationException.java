package com.aurouslabs.toolkit.conformance.config;

/**
 * A start-up mistake the user fixes by setting something (a URL without a key, no target at all, a malformed
 * number): its message is the one line that says what to set. The CLI exits 2 on it; a run reports it as fatal.
 */
public final class ConfigurationException extends IllegalStateException {

  public ConfigurationException(String message) {
    super(message);
  }
}
