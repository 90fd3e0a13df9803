package com.aurouslabs.toolkit.client;

/** Root of every exception the Aurous client throws. Unchecked. */
public class AurousException extends RuntimeException {

  public AurousException(String message) {
    super(message);
  }

  public AurousException(String message, Throwable cause) {
    super(message, cause);
  }
}
